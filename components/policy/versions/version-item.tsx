"use client";

import { useId, useState } from "react";
import { PolicyDocumentViewer } from "@/components/editor/policy-document-viewer";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { Badge } from "@/components/ui/misc";
import type { PolicyVersion } from "@/lib/queries/types";

interface VersionItemProps {
  version: PolicyVersion;
  readOnly: boolean;
  settingDefault: boolean;
  onSetDefault: () => void;
  onDelete: () => void;
  onCompare: () => void;
}

/** One version: its document on demand, and (customer managed) make default, compare, delete. */
export function VersionItem({ version, readOnly, settingDefault, onSetDefault, onDelete, onCompare }: VersionItemProps) {
  const [shown, setShown] = useState(false);
  const panelId = useId();
  const { versionId } = version;
  return (
    <li className="rounded-lg border border-line" data-version={versionId}>
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <span className="flex items-center gap-3">
          <span className="font-mono text-lg font-bold">{versionId}</span>
          {version.isDefault && <Badge tone="success">Default</Badge>}
          <span className="text-muted">created {formatDateTime(version.createdAt)}</span>
        </span>
        <span className="flex flex-wrap gap-2">
          <Button size="sm" variant="ghost" aria-expanded={shown} aria-controls={panelId} onClick={() => setShown(!shown)} aria-label={`${shown ? "Hide" : "Show"} document of ${versionId}`}>
            {shown ? "Hide document" : "Show document"}
          </Button>
          {!version.isDefault && (
            <Button size="sm" onClick={onCompare} aria-label={`Compare ${versionId} with the default version`}>
              Compare with default
            </Button>
          )}
          {!readOnly && !version.isDefault && (
            <>
              <Button size="sm" pending={settingDefault} onClick={onSetDefault} aria-label={`Set ${versionId} as default`}>
                Set as default
              </Button>
              <Button size="sm" onClick={onDelete} aria-label={`Delete version ${versionId}`}>
                Delete
              </Button>
            </>
          )}
        </span>
      </div>
      <div id={panelId} hidden={!shown} className="border-t border-line px-4 py-3">
        {shown && <PolicyDocumentViewer label={`Document of ${versionId}`} value={version.document} />}
      </div>
    </li>
  );
}
