export const hostMessages = {
  unknownChannel: (name: string) => `未知的调用通道：${name}`,
  invalidArguments: (name: string, detail: string) => `调用 ${name} 的参数不合法：${detail}`,
  notInCore: (name: string) => `核心服务未提供 ${name}`,
  internal: (detail: string) => `内部错误：${detail}`,
  coreStopped: '核心服务已停止，正在重启，请重试。',
  rejectedSender: '拒绝来自非本应用页面的调用。',
  pathNotGranted: (p: string) => `只能读取在对话框中选择或拖入窗口的文件或文件夹，只能写入在保存对话框中选定的那个文件（不能是链接）：${p}`,
};
