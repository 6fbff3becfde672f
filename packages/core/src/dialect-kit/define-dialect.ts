import type { DialectV2 } from "../dialect/v2/dialect.js";

/** A dialect as its factory describes it: everything but the spec version. */
export type DialectDefinition = Omit<DialectV2, "specVersion">;

/**
 * The dialect object a factory returns, with `specVersion` filled in, so an adapter states its
 * name, role, capabilities and codecs once and the spec version lives in core. An absent
 * `createPeerCodec` stays absent (no `createPeerCodec: undefined`).
 */
export function defineDialect(definition: DialectDefinition): DialectV2 {
  const { name, role, capabilities, prepare, createCodec, createPeerCodec } = definition;
  return {
    specVersion: 2,
    name,
    role,
    capabilities,
    prepare,
    createCodec,
    ...(createPeerCodec === undefined ? {} : { createPeerCodec }),
  };
}
