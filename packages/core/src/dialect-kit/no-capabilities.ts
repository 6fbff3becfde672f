import type { DialectCapabilitiesV2 } from "../dialect/v2/capabilities.js";

/** Every capability off: spread it and switch on what a dialect has. */
export const NO_CAPABILITIES: DialectCapabilitiesV2 = {
  bargeIn: false,
  clearOut: false,
  transcripts: false,
  transcriptDeltas: false,
  agentState: false,
  dtmfIn: false,
  dtmfOut: false,
  marks: false,
  transfer: false,
  firstMessageAuth: false,
  bootstrap: false,
  toolCalls: false,
  textInput: false,
  truncation: false,
  speechEvents: false,
  turnIds: false,
  sessionConfig: false,
  sessionUpdate: false,
  resumption: false,
};
