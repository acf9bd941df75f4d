import fs from 'node:fs';
import path from 'node:path';
import { emptyStoreData, type CoreStore } from './coreStore';
import { DataFileFormatError, parseStoreData, serializeStoreData } from './dataFile';
import type { StoreData } from './types';

export class DataFileError extends Error {
  override name = 'DataFileError';
}

/**
 * A store persisted to one JSON file. Each flush writes a temporary file, fsyncs it and renames
 * it over the old one, then fsyncs the folder: a crash mid-write leaves the previous complete
 * file in place, never a truncated one.
 */
export function openFileStore(filePath: string): CoreStore {
  const absolute = path.resolve(filePath);
  const data = loadDataFile(absolute);
  let changed = false;
  return {
    data,
    filePath: absolute,
    markChanged() {
      changed = true;
    },
    flush() {
      if (!changed) return;
      writeDataFileAtomically(absolute, data);
      changed = false;
    },
  };
}

export function loadDataFile(filePath: string): StoreData {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyStoreData();
    throw new DataFileError(`Cannot read the embedded core data file ${filePath}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(
      `The embedded core data file ${filePath} is not valid JSON (${(error as Error).message}). ` +
        'Move it away to start with an empty core.',
    );
  }
  try {
    return parseStoreData(parsed);
  } catch (error) {
    if (!(error instanceof DataFileFormatError)) throw error;
    throw new DataFileError(
      `The embedded core data file ${filePath} cannot be used: ${error.message}. ` +
        'Move it away to start with an empty core.',
    );
  }
}

export function writeDataFileAtomically(filePath: string, data: StoreData): void {
  const folder = path.dirname(filePath);
  fs.mkdirSync(folder, { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(serializeStoreData(data)));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, filePath);
  syncFolder(folder);
}

/** Makes the rename itself durable; some platforms cannot open a folder, which is fine to skip. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort only
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
