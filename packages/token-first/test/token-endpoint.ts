/** A fetch that answers the token call with `body` (status 200 unless given) and records the requests. */
export function tokenEndpoint(body: unknown, status = 200) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}
