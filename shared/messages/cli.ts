export const cliMessages = {
  usageHeader: '用法：disclosure-desk <命令> [参数]   （每个命令均支持 --help）\n\n命令：',
  helpFooter: '数据库位置可用 --db 文件 或环境变量 DISCLOSURE_DESK_DB 指定；口令从环境变量 DISCLOSURE_DESK_PASSWORD 读取，未设置时提示输入。',
  unknownCommand: (name: string) => `未知命令“${name}”。运行 disclosure-desk --help 查看可用命令。`,
  failed: (code: string, message: string) => `错误（${code}）：${message}`,
};
