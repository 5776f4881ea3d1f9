/**
 * Staff-visible error codes of the operations module (運用: passcodes, restart scheduler, watchdog,
 * diagnostics). Stable strings: only ever add. Each message names the remedy, Japanese first.
 * docs/ops.md lists every code with its remedy.
 */
export const OPS_ERRORS = {
  PASSCODE_FORMAT: {
    code: 'E-OPS-001',
    message: '目視パスコードは数字4〜8桁で設定してください / The staff passcode must be 4 to 8 digits',
  },
  ADMIN_PASSWORD_FORMAT: {
    code: 'E-OPS-002',
    message: '管理者パスワードは10〜128文字で、数字だけにしないでください / The admin password must be 10 to 128 characters and not digits only',
  },
  CREDENTIAL_NOT_SET: {
    code: 'E-OPS-003',
    message: 'パスコードが未設定です。初回設定で設定してください / Passcode not set yet: set it in the first-run wizard',
  },
  CREDENTIAL_LOCKED: {
    code: 'E-OPS-004',
    message: '入力誤りが続いたため一時的にロックしています。表示の時刻まで待ってください / Too many wrong entries: locked until the time shown',
  },
  SCHEDULE_INVALID: {
    code: 'E-OPS-005',
    message: '再起動スケジュールの設定が不正です。曜日・時刻・許容時間を確認してください / Invalid restart schedule: check days, time and window',
  },
  RESTART_FAILED: {
    code: 'E-OPS-006',
    message: '定期再起動に失敗しました。ログを確認し、手動で端末を再起動してください / Scheduled restart failed: check the log and restart the terminal by hand',
  },
  RESTART_SKIPPED: {
    code: 'E-OPS-007',
    message: '定期再起動を実行できませんでした(受付中または電源オフ)。次回の予定を確認してください / Scheduled restart skipped (busy or powered off): check the next slot',
  },
  OS_COMMAND_FAILED: {
    code: 'E-OPS-008',
    message: '再起動コマンドが失敗しました。設定したコマンドを確認してください / The configured restart command failed: check the command in settings',
  },
  READER_MISSING: {
    code: 'E-OPS-009',
    message: 'カードリーダーが見つかりません。USBケーブルを確認してください / No card reader found: check the USB cable',
  },
  PCSCD_DOWN: {
    code: 'E-OPS-010',
    message: 'カードリーダーサービス(pcscd)が停止しています。自動復旧中です。続く場合は端末を再起動してください / PC/SC service down: healing automatically; restart the terminal if it persists',
  },
  CAMERA_UNAVAILABLE: {
    code: 'E-OPS-011',
    message: 'カメラが使えません。ケーブルと他のアプリの使用を確認してください / Camera unavailable: check the cable and that no other app holds it',
  },
  CAMERA_SILENT: {
    code: 'E-OPS-012',
    message: '画面からカメラの状態報告がありません。キオスクを再起動してください / The screen stopped reporting the camera: restart the kiosk',
  },
  MODELS_NOT_LOADED: {
    code: 'E-OPS-013',
    message: '顔認証モデルが読み込まれていません。npm run build:models を実行してください / Face models not loaded: run npm run build:models',
  },
  SERVICE_UNREACHABLE: {
    code: 'E-OPS-014',
    message: '資格確認サービスに接続できません。ネットワークを確認してください。受付は保留で続けられます / Qualification service unreachable: check the network; reception continues with pending checks',
  },
  DISK_LOW: {
    code: 'E-OPS-015',
    message: 'ディスクの空きが不足しています。古いログやファイルを削除してください / Disk space low: remove old logs or files',
  },
  CHECK_FAILED: {
    code: 'E-OPS-016',
    message: '診断チェックが応答しません。ログを確認してください / A diagnostic check did not answer: check the log',
  },
  HEAL_ESCALATED: {
    code: 'E-OPS-017',
    message: 'カードリーダーが自動復旧できず、設定された再起動を実行しました / Reader stack did not heal: the configured restart was run',
  },
  LOGIN_REQUIRED: {
    code: 'E-OPS-018',
    message: 'ログインが必要です(時間切れまたは未ログイン)。もう一度ログインしてください / Log in again: the staff or admin session has ended',
  },
  SETUP_DONE: {
    code: 'E-OPS-019',
    message: '初回設定は完了しています。変更は管理画面で行ってください / First-run setup is already done: change credentials on the admin screen',
  },
  ADMIN_ONLY: {
    code: 'E-OPS-020',
    message: 'この操作は管理者のみ行えます。管理者パスワードでログインしてください / Admin only: log in with the admin password',
  },
  WRONG_SECRET: {
    code: 'E-OPS-021',
    message: 'パスコードまたはパスワードが違います / Wrong passcode or password',
  },
  SELF_TEST_IMAGE_MISSING: {
    code: 'E-OPS-022',
    message: 'セルフテスト用の内蔵画像が見つかりません。npm ci で依存パッケージを入れ直してください / The self-test image is missing: reinstall the packages (npm ci)',
  },
  SELF_TEST_NO_FACE: {
    code: 'E-OPS-023',
    message: '顔認証モデルが内蔵画像から顔を検出できません。npm run build:models でモデルを作り直してください / The face model found no face in the built-in image: rebuild the models (npm run build:models)',
  },
} as const;

export type OpsErrorKey = keyof typeof OPS_ERRORS;
