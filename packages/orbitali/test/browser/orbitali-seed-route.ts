// The Orbitali guide's backend route `app/api/voice-token/route.ts` (Next.js App Router; docs/sources.md, "Code Example") as printed,
// with only the host changed (the key comes from ORBITALI_API_KEY as printed; the test sets it to
// the simulator's key). `NextResponse.json` is stood in for by the standard `Response.json`, and
// the host is a parameter because the simulator's port is only known at run time.

const NextResponse = { json: (body: unknown, init?: ResponseInit): Response => Response.json(body, init) };

export function seedVoiceTokenRoute(orbitaliHost: string): () => Promise<Response> {
  return async function POST() {
    const agentId = process.env.ORBITALI_AGENT_ID;
    const apiKey = process.env.ORBITALI_API_KEY;

    if (!agentId || !apiKey) {
      return NextResponse.json({ error: "Configuration missing" }, { status: 500 });
    }

    try {
      const res = await fetch(`${orbitaliHost}/public/v1/agents/${agentId}/realtime-sessions`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${apiKey}`,
          "Content-Type": "application/json",
        },
      });

      if (!res.ok) {
        const errText = await res.text();
        return NextResponse.json({ error: `Orbitali error: ${errText}` }, { status: res.status });
      }

      const data = await res.json();
      return NextResponse.json(data);
      // biome-ignore lint/suspicious/noExplicitAny: the guide's code as printed
    } catch (err: any) {
      return NextResponse.json({ error: err.message }, { status: 500 });
    }
  };
}
