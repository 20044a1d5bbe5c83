// What a clerk reads when the office's PostgreSQL server cannot be used (issue 15): the cause and what to check.
export const storeMessages = {
  wrongPassword: (user: string) => `数据库用户“${user}”的用户名或密码不正确，请核对后重试。`,
  noDatabase: (database: string) => `数据库服务器上没有名为“${database}”的数据库，请核对数据库名称或请管理员创建。`,
  unreachable: (address: string, detail: string) => `无法连接数据库服务器 ${address}（${detail}）。请检查服务器地址和端口、网络连接，以及服务器是否已启动。`,
  certificateMismatch: (address: string, detail: string) => `数据库服务器 ${address} 的证书与本单位的 CA 证书不符（${detail}），连接已拒绝。请联系管理员核对证书。`,
  noTls: (address: string) => `数据库服务器 ${address} 未启用加密连接（TLS），而设置要求加密。请联系管理员。`,
  connectionLost: (address: string) => `与数据库服务器 ${address} 的连接已中断（服务器可能已重启）。未完成的操作没有保存，请重试；程序会自动重新连接。`,
  timeout: (seconds: number) => `数据库服务器在 ${seconds} 秒内没有响应，操作已取消，未完成的操作没有保存。请稍后重试或联系管理员。`,
  tooNew: (found: number, supported: number) => `数据库的结构版本为 ${found}，比本程序支持的版本 ${supported} 新，可能由更新版本的程序写入。请先升级本程序。`,
  notConnected: '尚未连接数据库服务器，或连接已关闭。',
  nestedTransaction: '内部错误：数据库事务不能嵌套。',
};
