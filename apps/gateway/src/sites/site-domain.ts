/**
 * Whether `url` leads to the site's own domain (the domain itself or a subdomain of it), over
 * http(s): where a reader page may have the provider send its reader back. Anything else would
 * make the agency's checkout a redirect to wherever a caller names.
 */
export function isOnSiteDomain(url: string, domain: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const site = domain.toLowerCase().replace(/\.$/, '');
  return host === site || host.endsWith(`.${site}`);
}
