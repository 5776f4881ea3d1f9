/**
 * Relaunching the kiosk (the restart action "relaunch-kiosk"). Electron relaunches itself; the
 * browser host cannot, so it exits with this code and its supervisor starts it again:
 * scripts/start.mjs (`npm start`), or a systemd unit with `RestartForceExitStatus=75`.
 * 75 is EX_TEMPFAIL from sysexits.h: "try again later", never used for a crash.
 */
export const RELAUNCH_EXIT_CODE = 75;
