import { z } from "./zod";
import { NAME_CHARS } from "@/lib/schemas/common";
import { qualifiedAction, servicePrefix } from "@/lib/schemas/catalog";

// Path parameters are checked exactly as the URL gave them: no trimming and no case folding
// before the check, so "\u212Aelvin" (KELVIN SIGN) is refused rather than folded into "kelvin".
// Name rules: the IAM API reference's UserName, GroupName, RoleName, PolicyName ([\w+=,.@-]+).

const pathName = (param: string, entity: string, max: number) =>
  z
    .string()
    .min(1, `${entity} name is required.`)
    .max(max, `${entity} name must be at most ${max} characters.`)
    .regex(NAME_CHARS, `${entity} name may contain only the letters A–Z and a–z, digits and + = , . @ _ - (the ${param} in the path breaks this rule).`);

const PARAMS = {
  accountId: z.string().regex(/^\d{12}$/, "Account id must be exactly 12 digits."),
  userName: pathName("userName", "User", 64),
  groupName: pathName("groupName", "Group", 128),
  roleName: pathName("roleName", "Role", 64),
  policyName: pathName("policyName", "Policy", 128),
  // CreateVirtualMFADevice's VirtualMFADeviceName.
  deviceName: pathName("deviceName", "Device", 226),
  // AccessKeyId: 16 to 128 word characters.
  accessKeyId: z.string().regex(/^\w{16,128}$/, "Access key id must be 16 to 128 letters and digits."),
  versionId: z.string().regex(/^v[1-9]\d{0,8}$/, 'Version id must look like "v1", "v2", ….'),
  service: servicePrefix,
  action: qualifiedAction,
} satisfies Record<string, z.ZodType<string, unknown>>;

export type PathParamName = keyof typeof PARAMS;

/** The schema of a route's path parameters, by their names in the folder path. */
export function pathParams<K extends PathParamName>(...names: K[]): z.ZodType<{ [N in K]: string }> {
  const shape = Object.fromEntries(names.map((name) => [name, PARAMS[name]])) as { [N in K]: (typeof PARAMS)[N] };
  return z.strictObject(shape) as unknown as z.ZodType<{ [N in K]: string }>;
}

/** The path parameter naming each kind of entity that has sub-resources of the same shape. */
const NAME_PARAM = { user: "userName", group: "groupName", role: "roleName", policy: "policyName" } as const;

export type NamedEntityKind = keyof typeof NAME_PARAM;

/**
 * The path parameters of an entity's sub-resource as `{ accountId, name }`, whatever the folder
 * calls the name (`userName`, `roleName`, …), plus `extra` ones such as an inline policy's
 * `policyName`; each is checked under its own name, so an error names the parameter in the path.
 */
export function entityPathParams<E extends PathParamName = never>(kind: NamedEntityKind, ...extra: E[]) {
  const param = NAME_PARAM[kind];
  return pathParams<PathParamName>("accountId", param, ...extra).transform((raw) => {
    const { [param]: name, ...rest } = raw as Record<string, string>;
    return { ...rest, name } as { accountId: string; name: string } & { [N in E]: string };
  });
}
