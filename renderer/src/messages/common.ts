import type { DecisionState, Role } from '../../../shared/types.ts';

export const common = {
  appName: '公开属性审查台',
  appSubtitle: '公文公开属性认定与保密审查',
  loading: '正在加载……',
  working: '正在处理……',
  starting: '正在启动……',
  cancel: '取消',
  confirm: '确定',
  close: '关闭',
  save: '保存',
  none: '无',
  unknown: '未识别',
  retry: '重试',
  shellTwin: '浏览器测试版',
  shellElectron: '桌面版',
  errorPrefix: '操作未完成：',
  dismissError: '知道了',
  count: (n: number) => `${n.toLocaleString('zh-CN')} 件`,
};

export const roleLabels: Record<Role, string> = {
  drafter: '拟稿人',
  reviewer: '公开审查',
  signer: '审签人',
  admin: '管理员',
};

export const stateLabels: Record<DecisionState | 'undecided', string> = {
  undecided: '未认定',
  draft: '草稿',
  submitted: '已提交',
  returned: '已退文',
  approved: '审查通过',
  signed: '已签发',
};

export const nav = {
  label: '主导航',
  menu: '导航',
  todo: '待办',
  myDrafts: '我的草稿',
  returnedToMe: '退回给我',
  awaitingReview: '待我审查',
  awaitingSignature: '待我签发',
  records: '登记与记录',
  register: '文档登记簿',
  audit: '审计日志',
  manage: '管理',
  lexicon: '词库',
  settings: '设置',
  signOut: '退出登录',
  currentUser: '当前用户',
};
