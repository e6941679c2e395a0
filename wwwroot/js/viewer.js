// The viewer's IANA time zone, so that the server formats times as the browser would.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
