// Pet photos: files in the data folder's `pet-photos/` (0700 folder, 0600 files, like everything
// else there; lib/private-files.ts) under random names, never a name the sender chose. The type is
// read from the bytes (magic numbers of the three formats accepted), not from a header: a file
// that is not a JPEG, PNG or WebP image is refused whatever it calls itself.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "@/lib/private-files";
import type { PhotoType } from "@/lib/clients/forms";

export const photoDir = (dataDir: string) => path.join(dataDir, "pet-photos");

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type of `bytes` by their signature, or null when it is none of JPEG, PNG, WebP. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

const EXTENSION: Record<PhotoType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};
const NAME = /^[a-f0-9]{32}\.(jpg|png|webp)$/;

function fileIn(dataDir: string, name: string): string {
  // Only names this module made: nothing from the database can point outside the folder.
  if (!NAME.test(name)) throw new Error(`not a pet photo file name: ${name}`);
  return path.join(photoDir(dataDir), name);
}

/** Writes the photo under a new random name (0600); returns the name. */
export function storePhoto(dataDir: string, bytes: Uint8Array, type: PhotoType): string {
  mkdirSync(photoDir(dataDir), { recursive: true, mode: PRIVATE_DIR_MODE });
  const name = `${randomBytes(16).toString("hex")}.${EXTENSION[type]}`;
  writeFileSync(fileIn(dataDir, name), bytes, { mode: PRIVATE_FILE_MODE, flag: "wx" });
  return name;
}

export function readPhoto(dataDir: string, name: string): Buffer | null {
  try {
    return readFileSync(fileIn(dataDir, name));
  } catch {
    return null;
  }
}

/** Removes a photo file; a missing one is fine (already gone). */
export function removePhoto(dataDir: string, name: string | null | undefined): void {
  if (!name || !NAME.test(name)) return;
  rmSync(fileIn(dataDir, name), { force: true });
}
