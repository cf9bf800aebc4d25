import { XMLBuilder } from "fast-xml-parser";

/**
 * AWS's Query protocol answers in XML: `<ActionResponse xmlns=…><ActionResult>…</ActionResult>
 * <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></ActionResponse>`, lists as
 * repeated `<member>` elements, maps (GetAccountSummary's SummaryMap) as `<entry><key/><value/>`,
 * errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * Operations answer plain objects in AWS's shape (PascalCase keys); this file writes them.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf ("Making Query requests")
 */

export type AwsService = "iam" | "sts";

export const NAMESPACE: Record<AwsService, string> = {
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
};

export const API_VERSION: Record<AwsService, string> = { iam: "2010-05-08", sts: "2011-06-15" };

/** A map written as `<entry><key>K</key><value>V</value></entry>` (SummaryMap and the like). */
export class XmlEntries {
  constructor(readonly entries: Record<string, unknown>) {}
}

/** What an operation's result may hold: values, nested objects, lists (as `member`), maps. */
export type XmlValue = string | number | boolean | Date | null | undefined | XmlValue[] | XmlEntries | { [key: string]: XmlValue };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true, processEntities: true });

/** AWS writes times as ISO 8601 in UTC with seconds ("2026-12-03T18:52:24Z"). */
export const isoTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function toNode(value: XmlValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return isoTime(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length === 0 ? "" : { member: value.map(toNode) };
  if (value instanceof XmlEntries) {
    const entry = Object.entries(value.entries).map(([key, item]) => ({ key, value: toNode(item as XmlValue) }));
    return entry.length === 0 ? "" : { entry };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const node = toNode(item);
    if (node !== undefined) out[key] = node;
  }
  return out;
}

const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The success answer of `action`, with its result element unless the operation has none. */
export function resultXml(service: AwsService, action: string, result: Record<string, XmlValue> | null, requestId: string): string {
  const body: Record<string, unknown> = { "@_xmlns": NAMESPACE[service] };
  if (result !== null) body[`${action}Result`] = toNode(result) ?? "";
  body.ResponseMetadata = { RequestId: requestId };
  return declaration + builder.build({ [`${action}Response`]: body });
}

/** The error answer: Sender for the caller's mistakes (4xx), Receiver for the server's (5xx). */
export function errorXml(service: AwsService, status: number, code: string, message: string, requestId: string): string {
  const error = { Type: status >= 500 ? "Receiver" : "Sender", Code: code, Message: message };
  return declaration + builder.build({ ErrorResponse: { "@_xmlns": NAMESPACE[service], Error: error, RequestId: requestId } });
}
