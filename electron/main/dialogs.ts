import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileFilter } from '../../shared/ipc/app.ts';
import { shellMessages } from '../../shared/messages/shell.ts';

const m = shellMessages.dialogs;

export interface SaveRequest {
  defaultName: string;
  filters: FileFilter[];
  /** The core will also write `<stem>.checkpoint.json` beside the chosen file. */
  companion?: 'checkpoint';
}

/**
 * Options of the native save dialog. Windows and macOS ask before replacing an existing file by default; the
 * GTK dialog on Linux does so only when told to (`showOverwriteConfirmation`).
 */
export function saveDialogOptions(request: SaveRequest, platform: NodeJS.Platform): SaveDialogOptions {
  const checkpoint = request.companion === 'checkpoint';
  return {
    title: checkpoint ? m.saveWithCheckpoint : m.save,
    message: checkpoint ? m.saveWithCheckpointNote : m.saveNote,
    defaultPath: request.defaultName,
    filters: request.filters,
    properties: platform === 'linux' ? ['showOverwriteConfirmation'] : platform === 'darwin' ? ['createDirectory'] : [],
  };
}

export function openDialogOptions(request: { folders?: boolean }): OpenDialogOptions {
  return request.folders
    ? { title: m.chooseFolders, properties: ['openDirectory', 'multiSelections'], filters: [] }
    : { title: m.chooseFiles, properties: ['openFile', 'multiSelections'], filters: [{ name: m.documentFilter, extensions: ['docx', 'pdf', 'ofd', 'txt', 'xlsx'] }, { name: m.anyFilter, extensions: ['*'] }] };
}
