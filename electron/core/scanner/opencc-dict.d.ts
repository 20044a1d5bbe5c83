// opencc-js ships its character tables as plain ES modules without typings.
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
