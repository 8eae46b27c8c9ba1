// /settings/data — owner only, the Data tab: where the database, its backups and the logs are,
// with "Open data folder" (works from this computer only) and the backup and restore commands.
import { cliCommand } from "@/lib/desktop/commands";
import type { Metadata } from "next";
import { OpenFolderButton } from "@/app/settings/data/open-folder-button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/page";
import { config } from "@/lib/config";
import { dataFolderSummary, formatBytes, type FileInfo } from "@/lib/data-folder";
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

function Files({ files, when, empty }: { files: FileInfo[]; when: Intl.DateTimeFormat; empty: string }) {
  if (files.length === 0) return <p className="px-4 py-3 text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {files.map((file) => (
        <li key={file.path} className="flex flex-wrap justify-between gap-x-4 px-4 py-2 text-sm">
          <span className="min-w-0 font-mono break-all">{file.name}</span>
          <span className="shrink-0 whitespace-nowrap text-slate-600">
            {formatBytes(file.bytes)} · {when.format(file.modifiedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

const Path = ({ value }: { value: string }) => (
  <code className="block px-4 pt-3 text-sm break-all text-slate-700">{value}</code>
);

export default async function DataSettingsPage() {
  await requirePage("owner");
  const cfg = config();
  const { dataDir, databaseFile } = cfg;
  const summary = dataFolderSummary(dataDir, databaseFile);
  const { timeZone } = loadSettings(sqlite());
  const when = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader
        title="Data"
        description="Your database, its daily backups and the logs, all on this computer"
        timeZone={timeZone}
        actions={<OpenFolderButton />}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="data-folder">
          <CardHeader id="data-folder" title="Data folder" />
          <Path value={summary.dataDir} />
          <p className="px-4 pt-2 text-sm text-slate-600">
            Database{" "}
            {summary.database
              ? `${summary.database.name}, ${formatBytes(summary.database.bytes)}`
              : "not created yet"}
          </p>
          <p className="px-4 py-3 text-sm text-slate-600">
            Back up now with <code>{cliCommand("backup", cfg)}</code>; restore with{" "}
            <code>{cliCommand("restore FILE", cfg)}</code> after
            closing the app (it keeps a copy of the database it replaces).
          </p>
        </Card>
        <Card aria-labelledby="backups">
          <CardHeader id="backups" title={`Backups (${summary.backups.files.length})`} />
          <Path value={summary.backups.dir} />
          <Files
            files={summary.backups.files}
            when={when}
            empty="No backup yet: one is made every day while the app runs"
          />
        </Card>
        <Card aria-labelledby="logs" className="lg:col-span-2">
          <CardHeader id="logs" title="Logs" />
          <Path value={summary.logs.dir} />
          <Files files={summary.logs.files} when={when} empty="No log file yet" />
        </Card>
      </div>
    </>
  );
}
