/**
 * Every operation of the pack engine, by name: what the pack Worker answers for extension pages
 * (src/worker/pack-worker.ts) and what the background calls inline.
 */
import * as packs from './pack-engine';
import * as backups from './backup-engine';

export const PACK_OPS = {
  importPackFile: packs.importPackFile,
  saveReadingPack: packs.saveReadingPack,
  setEnabled: packs.setEnabled,
  removePack: packs.removePack,
  compileEnabled: packs.compileEnabled,
  prepareSave: packs.prepareSave,
  undo: packs.undo,
  importLegacyPacks: packs.importLegacyPacks,
  previewBackup: backups.previewBackup,
  dropBackup: backups.dropBackup,
  restoreBackupPacks: backups.restoreBackupPacks,
  exportBackup: backups.exportBackup,
};

export type PackOps = typeof PACK_OPS;
