// The "Devices" card: paired phones with who they act for, when paired and last used, Revoke;
// and "Pair a phone" for the viewer's own phone. Staff see their own phones; the owner everyone's
// (narrowed to one walker's accounts on a staff page).
import { listDevices, type DeviceViewer } from "@/lib/auth/device-list";
import { prisma } from "@/lib/db/prisma";
import { formatStamp } from "@/lib/schedule/time";
import { Card, CardHeader } from "@/components/ui/card";
import { PairPhone } from "@/components/devices/pair-phone";
import { RevokeDevice } from "@/components/devices/revoke-device";

export async function DevicesSection({
  viewer,
  zone,
  staffId,
  canPair,
}: {
  viewer: DeviceViewer;
  zone: string;
  /** Only phones acting for this walker. */
  staffId?: number;
  /** Show "Pair a phone" (it pairs the viewer's own phone). */
  canPair: boolean;
}) {
  const devices = await listDevices(prisma(), viewer, staffId === undefined ? {} : { staffId });
  return (
    <Card aria-labelledby="devices-heading">
      <CardHeader id="devices-heading" title="Devices" actions={canPair ? <PairPhone /> : undefined} />
      {devices.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-700">
          No phones paired.{" "}
          {canPair
            ? "Pair a phone to use the app on it without typing a password or token."
            : "A walker pairs their phone from their own staff page."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Paired phones">
          {devices.map((device) => (
            <li key={device.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">{device.deviceName}</p>
                <p className="text-slate-700">
                  {device.userEmail ?? "no account"}
                  {device.staffName ? ` · ${device.staffName}` : ""}
                </p>
                <p className="text-xs text-slate-600">
                  Paired {formatStamp(device.createdAt, zone)} · Last used{" "}
                  {device.lastUsedAt ? formatStamp(device.lastUsedAt, zone) : "never"}
                </p>
              </div>
              <RevokeDevice id={device.id} name={device.deviceName} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
