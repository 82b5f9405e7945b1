// Which agency a request reads about, for PGlite's lending (see @ogi/db lending.ts): a GET of
// `/v1/agencies/{code}/…` reads that agency's data (and the caller's token and membership);
// every other request is about no one agency and is never served inside another's import.
const AGENCY_PATH = /^\/v1\/agencies\/([^/]+)(?:\/|$)/;

export const readScopeOf = (method: string, path: string): string | undefined => {
  if (method !== "GET" && method !== "HEAD") return undefined;
  const m = AGENCY_PATH.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
};
