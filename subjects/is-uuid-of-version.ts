import { validate, version as uuidVersion } from 'uuid';

/**
 * Whether `sub` is a UUID string of the given version with the RFC 9562 variant, as the `uuid`
 * package's validator reads it (either case: RFC 9562 section 4 reads hex case-insensitively).
 */
export function isUuidOfVersion(sub: string, version: number): boolean {
  return validate(sub) && uuidVersion(sub) === version;
}
