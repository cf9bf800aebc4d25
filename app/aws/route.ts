import { handleAws } from "@/lib/aws/dispatch";

/** The AWS CLI's and SDKs' endpoint: `aws --endpoint-url http://localhost:3000/aws iam list-users`. */
export const POST = handleAws;
export const GET = handleAws;
export const PUT = handleAws;
export const PATCH = handleAws;
export const DELETE = handleAws;
