/**
 * Share ids: 128 random bits, base64url (22 characters). A share link is a capability, so the id must be
 * unguessable; anything not of this exact shape is refused before it reaches the disk.
 */
import { randomBytes } from 'node:crypto';

const SHAPE = /^[A-Za-z0-9_-]{22}$/;

/** @example newShareId(); // 'q3V0…' (22 characters) */
export function newShareId(): string {
  return randomBytes(16).toString('base64url');
}

/** @example isShareId('../etc'); // false */
export function isShareId(id: string): boolean {
  return SHAPE.test(id);
}
