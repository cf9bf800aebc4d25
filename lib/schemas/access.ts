import type { AccessLevel, AccessCounts, AccessExtent, AccessStatus, ConditionClause, LimitLayer, ResourceScope, StatusCounts } from "@/lib/iam/client";

// The effective-permissions answer (GET …/{users,roles,groups}/NAME/effective-permissions).
// Built for the browser: statements are named by index into `policies`, and grant lists that
// many actions share are sent once in `scopes` and referenced by index, so a principal with
// thousands of allowed actions answers in a few hundred kilobytes, not megabytes.

export type PrincipalPanelKind = "user" | "role" | "group";

/** One policy that applies, with what the panel needs to name it and link to it. */
export interface SourcePolicy {
  /** Managed (attached directly or through a group), inline, or the permissions boundary. */
  kind: "managed" | "inline" | "boundary";
  name: string;
  /** Managed and boundary policies only. */
  arn: string | null;
  awsManaged: boolean;
  /** The version in effect (the default version) of a managed or boundary policy. */
  versionId: string | null;
  /** Inline policies: the user, group or role they are embedded in. */
  owner: { kind: PrincipalPanelKind; name: string } | null;
  /** For a user: the group the policy comes through; null when attached to the principal itself. */
  viaGroup: string | null;
}

/** A statement, by its policy's index in `policies` and its index in that policy's Statement. */
export interface StatementSource {
  policy: number;
  statement: number;
  sid: string | null;
}

/** Where some statements allow (or deny): resources and conditions, and the statements. */
export interface Scope {
  resources: ResourceScope;
  conditions: ConditionClause[];
  sources: StatementSource[];
}

/** A layer that also has to allow: its scopes (index into `scopes`); an empty list removes. */
export interface LimitView {
  layer: LimitLayer;
  level?: number;
  scopes: number;
}

/**
 * Actions of one access level that share a verdict: the same status, grants, denies and limits.
 * `grants` and `denies` are indexes into `scopes`.
 */
export interface ActionGroup {
  status: AccessStatus;
  grants: number;
  denies: number;
  limits: LimitView[];
  /** Action names without the service prefix, in catalog order. */
  actions: string[];
  /**
   * Near misses: granted Resource ARNs that no resource of an action can match (s3:GetObject on
   * a bucket ARN), so the grant never applies; a few at most (lib/iam/near-miss-hints.ts).
   */
  nearMisses?: { action: string; pattern: string; text: string }[];
}

export interface AccessLevelView {
  accessLevel: AccessLevel;
  access: AccessExtent;
  total: number;
  counts: StatusCounts;
  groups: ActionGroup[];
}

export interface ServiceView {
  service: string;
  name: string;
  access: AccessExtent;
  total: number;
  counts: StatusCounts;
  accessLevels: AccessLevelView[];
}

export type EffectivePermissionsResult =
  | {
      kind: "analyzed";
      principal: { kind: PrincipalPanelKind; name: string; arn: string; analyzedAs: string };
      policies: SourcePolicy[];
      /** Grant lists shared by many actions; index 0 is the empty list. */
      scopes: Scope[][];
      counts: AccessCounts;
      /** "1,204 actions in 37 services; 3 explicitly denied". */
      summary: string;
      services: ServiceView[];
    }
  | {
      /** A stored document the engine cannot read (normally impossible: writes are validated). */
      kind: "invalidPolicy";
      principal: { kind: PrincipalPanelKind; name: string; arn: string; analyzedAs: string };
      policies: SourcePolicy[];
      errors: { policy: number | null; message: string; path: string }[];
    };
