// Public contract path (DESIGN.md): redaction lives in utils/privacy/.
export { redactUrl, pageUrlToSend } from './privacy/redact';
