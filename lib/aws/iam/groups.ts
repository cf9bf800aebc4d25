import "server-only";
import type { SomeAwsOperation } from "@/lib/aws/operation";

export const groupOperations: SomeAwsOperation[] = [];
