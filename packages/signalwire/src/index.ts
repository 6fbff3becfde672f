// `@voxwire/signalwire`: SignalWire's Compatibility API stream as a preset of the Twilio leg:
// the dialect under SignalWire's name, the cXML answer, its signature, its REST call control,
// and the leg for `@voxwire/phone`'s server. The simulator is Twilio's (`@voxwire/signalwire/testing`).
export { detectSignalWire, type SignalWireCarrierOptions, signalwireCarrier } from "./carrier.js";
export { type SignalWireRestOptions, signalwireHangupHook, signalwireTransferHook, updateSignalWireCall } from "./server/call-control.js";
export { type SignalWireOptions, signalwire } from "./signalwire.js";
export { validateSignalWireSignature } from "./signature.js";
