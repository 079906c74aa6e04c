export { type CustomSignatureCheck, checkCustomSignature, signCustomEvent, TOLERANCE_SECONDS } from "./custom.ts";
