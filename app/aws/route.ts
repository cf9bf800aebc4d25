import { handleAws } from "@/lib/aws/dispatch";
import type { DoorKind } from "@/lib/api/route";

/**
 * The AWS CLI's and SDKs' endpoint: `aws --endpoint-url http://localhost:3000/aws iam list-users`.
 * Every operation declares what the engine must allow (lib/aws/operation.ts `authorize`); other
 * methods are answered 405 in AWS's XML by the same handler.
 */
const served = Object.assign((...args: Parameters<typeof handleAws>) => handleAws(...args), { door: "authorize" satisfies DoorKind });
const refused = Object.assign((...args: Parameters<typeof handleAws>) => handleAws(...args), { door: "method-not-allowed" satisfies DoorKind });

export const POST = served;
export const GET = served;
export const PUT = refused;
export const PATCH = refused;
export const DELETE = refused;
