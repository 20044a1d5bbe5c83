export const ui = {
  appName: '公开属性审查台',
  appSubtitle: '公文公开属性认定与保密审查',
  loading: '正在启动……',
  shellElectron: '桌面版',
  shellTwin: '浏览器测试版',
  dataDir: '数据目录',
  version: '版本',
};
