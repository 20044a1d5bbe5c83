import { refuseWhileImporting, useImports } from '../stores/imports.ts';
import { useNotices } from '../stores/notices.ts';

/** The file dialog, then a batch import of whatever was chosen (Ctrl+O and the 读入 buttons). */
export async function chooseAndImport(folders: boolean): Promise<void> {
  if (refuseWhileImporting()) return;
  try {
    const paths = await window.api.chooseFiles({ folders });
    await useImports.getState().start(paths);
  } catch (error) {
    useNotices.getState().fail(error);
  }
}
