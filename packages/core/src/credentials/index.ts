export { refuseSecretKeyInBrowser, type SecretKeyRule } from "./browser-secrets.js";
export {
  type CredentialRoute,
  type CredentialRouteOptions,
  createCredentialRoute,
  type NodeRequestLike,
  type NodeResponseLike,
} from "./credential-route.js";
