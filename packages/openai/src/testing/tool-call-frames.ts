import type { WireFrame } from "@voxwire/core";

/*
 * What the service sends around a function call (openai-node src/resources/realtime/realtime.ts):
 * the call is one response with one `function_call` item. `response.created`, then
 * `response.output_item.added` (status `in_progress`), `response.function_call_arguments.done`,
 * `response.output_item.done` (status `completed`, the arguments in the item) and `response.done`.
 * Clients differ in which of them they act on: OpenAI's agents SDK runs the tool on the item's
 * `output_item.done`, voxwire on `function_call_arguments.done`.
 */

/** The response around the codec's `response.function_call_arguments.done` frame. */
export function toolCallFrames(encoded: readonly WireFrame[]): WireFrame[] {
  const [done] = encoded;
  if (typeof done !== "string") return [...encoded];
  const call = JSON.parse(done) as { event_id: string; response_id: string; item_id: string; call_id: string; name: string; arguments: string };
  const item = (status: "in_progress" | "completed", args: string) => ({
    id: call.item_id,
    object: "realtime.item",
    type: "function_call",
    status,
    call_id: call.call_id,
    name: call.name,
    arguments: args,
  });
  const response = (status: "in_progress" | "completed", output: unknown[]) => ({
    id: call.response_id,
    object: "realtime.response",
    status,
    output_modalities: ["audio"],
    output,
  });
  const event = (suffix: string) => `${call.event_id}_${suffix}`;
  return [
    JSON.stringify({ type: "response.created", event_id: event("created"), response: response("in_progress", []) }),
    JSON.stringify({
      type: "response.output_item.added",
      event_id: event("added"),
      response_id: call.response_id,
      output_index: 0,
      item: item("in_progress", ""),
    }),
    done,
    JSON.stringify({
      type: "response.output_item.done",
      event_id: event("item_done"),
      response_id: call.response_id,
      output_index: 0,
      item: item("completed", call.arguments),
    }),
    JSON.stringify({ type: "response.done", event_id: event("done"), response: response("completed", [item("completed", call.arguments)]) }),
  ];
}
