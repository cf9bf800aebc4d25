import { z } from "@/lib/schemas/zod";
import { tags, tagKey } from "@/lib/schemas/common";

/**
 * Input pieces shared by the AWS operations' schemas. Names are the Query API's (PascalCase), so a
 * ValidationError names the parameter as the AWS documentation does ("UserName: …"). Values are
 * checked by the same rules as the console's own API (lib/schemas/common.ts).
 */

/**
 * A list parameter: the SDKs write an empty list as the bare name (`Tags=`, awsQuery's
 * serializeEmptyLists), which is the empty list, not a text.
 */
export const awsList = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? [] : value), schema);

/** `Tags.member.N.Key` / `.Value`, checked as the console checks tags. */
export const awsTags = awsList(
  z
    .array(z.object({ Key: z.string("Each tag needs a Key."), Value: z.string().default("") }))
    .transform((list) => list.map((tag) => ({ key: tag.Key, value: tag.Value })))
    .pipe(tags),
);

/** `TagKeys.member.N`. */
export const awsTagKeys = awsList(z.array(tagKey).min(1, "Give at least one tag key.").max(50, "At most 50 tag keys."));

/** A boolean parameter as the Query protocol sends it ("true" / "false"). */
export const awsBoolean = z.enum(["true", "false"], "must be true or false.").transform((value) => value === "true");

/** An integer parameter sent as text. */
export const awsInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,10}$/, "must be a whole number.")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}.`).max(max, `must be at most ${max}.`));

/** Marker and MaxItems, as every IAM list takes them (MaxItems 1–1000, 100 by default). */
export const pagingFields = {
  Marker: z.string().min(1).max(2048, "Marker must be at most 2,048 characters.").optional(),
  MaxItems: awsInteger(1, 1000).optional(),
};

/** PathPrefix: "/" by default; starts and ends with "/" when longer (ListUsers, ListRoles…). */
export const pathPrefix = z
  .string()
  .max(512, "PathPrefix must be at most 512 characters.")
  .regex(/^\/([\u0021-\u007E]*\/)?$/, 'PathPrefix must be "/" or start and end with "/" (for example /division_abc/).')
  .default("/");
