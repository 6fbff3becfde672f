export { type AudioPipeline, type AudioPipelineFlushOptions, type AudioPipelineOptions, createAudioPipeline } from "./audio-pipeline.js";
export {
  type Base64Backend,
  base64Decode,
  base64DecodedLength,
  base64DecodeInto,
  base64DecodeWith,
  base64Encode,
  base64EncodeWith,
  detectBase64Backend,
} from "./base64.js";
export { decodeBase64Audio } from "./base64-audio.js";
export {
  createByteFramer,
  createFloat32Framer,
  createFramer,
  createPcm16ByteFramer,
  type Framer,
  type FramerFlushOptions,
  type FramerOptions,
  type FrameSize,
  frameSamplesFor,
} from "./framer.js";
export { alawDecode, alawDecodeSample, alawEncode, alawEncodeSample } from "./g711-alaw.js";
export { mulawDecode, mulawDecodeSample, mulawEncode, mulawEncodeSample } from "./g711-mulaw.js";
export { IS_LITTLE_ENDIAN_HOST, pcm16FromBytes, pcm16FromBytesCopy, pcm16ToBytes, pcm16ToBytesCopy } from "./pcm-bytes.js";
export { float32ToPcm16, pcm16ToFloat32 } from "./pcm-convert.js";
export {
  createWireDecoder,
  createWireEncoder,
  type WireDecoder,
  type WireDecoderOptions,
  type WireEncoder,
  type WireEncoderOptions,
  type WireFormat,
} from "./wire-pipelines.js";
