/**
 * Domains where every subdomain belongs to a different customer of a hosting platform: entries of
 * the private section of the Public Suffix List (https://publicsuffix.org/list/), the platforms a
 * token route or a WebSocket service is commonly deployed on. Under one of these, a host is its
 * own site: `a.herokuapp.com` and `b.herokuapp.com` are two strangers.
 */
const SHARED_HOSTING = [
  "amazonaws.com",
  "appspot.com",
  "azurestaticapps.net",
  "azurewebsites.net",
  "cloudapp.net",
  "cloudfunctions.net",
  "deno.dev",
  "elasticbeanstalk.com",
  "firebaseapp.com",
  "fly.dev",
  "github.io",
  "gitlab.io",
  "glitch.me",
  "herokuapp.com",
  "netlify.app",
  "ngrok-free.app",
  "ngrok.app",
  "ngrok.dev",
  "ngrok.io",
  "onrender.com",
  "pages.dev",
  "railway.app",
  "repl.co",
  "run.app",
  "trycloudflare.com",
  "vercel.app",
  "web.app",
  "workers.dev",
];

function isIp(host: string): boolean {
  return host.includes(":") || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

function onSharedHosting(host: string): boolean {
  return SHARED_HOSTING.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/**
 * The registrable domain of a lower-case hostname, without shipping the whole list: the last two
 * labels, or three under a two-letter country code whose second label has 2-3 letters (`co.uk`,
 * `com.au`); the whole host for an IP address or a host on a shared hosting domain.
 */
export function registrableDomain(host: string): string {
  const bare = host.replace(/\.$/, "");
  if (isIp(bare) || onSharedHosting(bare)) return bare;
  const labels = bare.split(".");
  if (labels.length <= 2) return labels.join(".");
  const tld = labels.at(-1)!;
  const second = labels.at(-2)!;
  const keep = tld.length === 2 && second.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** Whether two hostnames belong to one site (the same registrable domain). */
export function sameSite(a: string, b: string): boolean {
  return a === b || registrableDomain(a) === registrableDomain(b);
}
