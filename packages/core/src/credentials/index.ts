export { refuseSecretKeyInBrowser, type SecretKeyRule } from "./browser-secrets.js";
export {
  createCredentialRoute,
  type CredentialRoute,
  type CredentialRouteOptions,
  type NodeRequestLike,
  type NodeResponseLike,
} from "./credential-route.js";
