"use client";

import { useId } from "react";
import { Badge } from "@/components/ui/misc";
import {
  coversAllResources,
  describeAccessLevels,
  describeCondition,
  describeResourceScope,
  type LevelSummary,
  type ServiceSummary,
  type SummaryStatement,
} from "@/lib/iam/client";

const NUMBER = new Intl.NumberFormat("en-US");
/** Resource patterns shown in the row before "and n more". */
const SHOWN_RESOURCES = 3;
/** Actions without an applicable resource named in the row before "and n more". */
const SHOWN_UNFIT = 5;

export function statementLabel(statement: SummaryStatement): string {
  return `Statement ${statement.index + 1}${statement.sid ? ` (${statement.sid})` : ""}`;
}

function ResourceList({ service }: { service: ServiceSummary }) {
  if (coversAllResources(service.resources)) return <span>All resources</span>;
  const texts = service.resources.map(describeResourceScope);
  return (
    <ul className="flex flex-col gap-0.5 font-mono text-sm wrap-break-word">
      {texts.slice(0, SHOWN_RESOURCES).map((text) => (
        <li key={text}>{text}</li>
      ))}
      {texts.length > SHOWN_RESOURCES && <li className="font-sans text-muted">and {texts.length - SHOWN_RESOURCES} more</li>}
    </ul>
  );
}

/** The console's resource warning: actions no statement naming them gives a resource to apply to. */
function ResourceWarning({ service }: { service: ServiceSummary }) {
  const names = service.withoutResource;
  if (names.length === 0) return null;
  const more = names.length > SHOWN_UNFIT ? ` and ${NUMBER.format(names.length - SHOWN_UNFIT)} more` : "";
  return (
    <p className="mt-1.5 border-l-4 border-warn pl-2 text-sm">
      <span className="font-semibold text-warn">One or more actions do not have an applicable resource</span> ({NUMBER.format(names.length)}):{" "}
      <span className="font-mono wrap-break-word">{names.slice(0, SHOWN_UNFIT).map((name) => `${service.service}:${name}`).join(", ")}</span>
      {more}
    </p>
  );
}

function Resources({ service }: { service: ServiceSummary }) {
  return (
    <>
      <ResourceList service={service} />
      <ResourceWarning service={service} />
    </>
  );
}

function Conditions({ service }: { service: ServiceSummary }) {
  if (service.conditions.length === 0) return <span className="text-muted">None</span>;
  return (
    <ul className="flex flex-col gap-0.5 font-mono text-sm wrap-break-word">
      {service.conditions.map((clause) => (
        <li key={describeCondition(clause)}>{describeCondition(clause)}</li>
      ))}
      {service.unconditional && <li className="font-sans text-muted">(some statements have no condition)</li>}
    </ul>
  );
}

/** A level's actions, grouped by the statements that name them. */
function LevelActions({ level, statements }: { level: LevelSummary; statements: SummaryStatement[] }) {
  const groups = new Map<string, { via: number[]; names: string[]; unfit: string[] }>();
  for (const action of level.actions) {
    const key = action.statements.join(",");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { via: action.statements, names: [], unfit: [] }));
    group.names.push(action.name);
    if (action.noApplicableResource) group.unfit.push(action.name);
  }
  return (
    <div>
      <h5 className="font-semibold">
        {level.accessLevel}{" "}
        <span className="font-normal text-muted">
          ({level.extent === "Full" ? "all" : NUMBER.format(level.count)} of {NUMBER.format(level.total)} actions)
        </span>
      </h5>
      {[...groups.values()].map((group) => (
        <p key={group.via.join(",")} className="mt-1">
          <span className="font-mono text-sm break-words">{group.names.join(", ")}</span>
          <span className="block text-sm text-muted">from {group.via.map((position) => statementLabel(statements[position])).join(", ")}</span>
          {group.unfit.length > 0 && (
            <span className="block text-sm">
              <span className="font-semibold text-warn">No applicable resource:</span> <span className="font-mono break-words">{group.unfit.join(", ")}</span>
            </span>
          )}
        </p>
      ))}
    </div>
  );
}

interface ServiceRowsProps {
  service: ServiceSummary;
  statements: SummaryStatement[];
  expanded: boolean;
  onToggle: () => void;
}

/** One service of a summary table, and below it, while expanded, its actions by access level. */
export function ServiceRows({ service, statements, expanded, onToggle }: ServiceRowsProps) {
  const detailsId = useId();
  return (
    <>
      <tr className="border-t border-line align-top" data-service={service.service}>
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <button type="button" aria-expanded={expanded} aria-controls={detailsId} onClick={onToggle} className="flex items-start gap-2 text-left hover:underline">
            <span aria-hidden="true" className="w-4 text-muted">
              {expanded ? "▾" : "▸"}
            </span>
            <span>
              <span className="font-semibold">{service.name}</span> <span className="font-mono text-sm text-muted">{service.service}</span>
            </span>
          </button>
        </th>
        <td className="px-3 py-2">
          {service.fullAccess ? <Badge tone="success">Full access</Badge> : <span>{describeAccessLevels(service)}</span>}
        </td>
        <td className="px-3 py-2">
          <Resources service={service} />
        </td>
        <td className="px-3 py-2">
          <Conditions service={service} />
        </td>
      </tr>
      <tr id={detailsId} hidden={!expanded}>
        {expanded && (
          <td colSpan={4} className="bg-subtle px-10 py-3">
            <div className="flex flex-col gap-3">
              {service.levels.map((level) => (
                <LevelActions key={level.accessLevel} level={level} statements={statements} />
              ))}
            </div>
          </td>
        )}
      </tr>
    </>
  );
}
