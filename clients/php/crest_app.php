<?php
// A small application client that puts PHP CRest 1.36's application-mode bytes on the wire (written here; no
// CRest code), as bitrix-apps-oauth.md §4 describes CRest:
//   install: the install URL receives ONAPPINSTALL (form POST, event + auth[...]); the auth array is saved as is
//            into settings.json beside the script;
//   call:    POST {client_endpoint}{method}.json, form-encoded (http_build_query), auth = access_token;
//   refresh: on error expired_token, POST form to https://oauth.bitrix.info/oauth/token/ (hard-coded, as in CRest)
//            with client_id, grant_type=refresh_token, client_secret, refresh_token; the whole answer is merged into
//            settings.json; the call is retried once.
// The public OAuth host is reached the way an integrator maps it to b24-tasks (a hosts-file line): here libcurl's
// CONNECT_TO (B24_OAUTH_CONNECT_TO=127.0.0.1:PORT) stands for that line; CURLOPT_CAINFO (B24_CA_FILE) trusts the
// server's certificates.
// Usage: php -S 127.0.0.1:PORT crest_app.php              (the app's web server: receives ONAPPINSTALL)
//        php crest_app.php call METHOD '{"json":"params"}'  (prints {"status","result"|"error","refreshed","requests"})
// Environment: CREST_SETTINGS (settings.json path), CREST_CLIENT_ID, CREST_CLIENT_SECRET, B24_CA_FILE,
//              B24_OAUTH_CONNECT_TO.

const USER_AGENT = 'Bitrix24 CRest PHP 1.36';
const OAUTH_URL = 'https://oauth.bitrix.info/oauth/token/';

function settings_path(): string
{
    return getenv('CREST_SETTINGS') ?: __DIR__ . '/settings.json';
}

function read_settings(): array
{
    $p = settings_path();
    return is_file($p) ? (json_decode(file_get_contents($p), true) ?: []) : [];
}

function write_settings(array $s): void
{
    file_put_contents(settings_path() . '.tmp', json_encode($s));
    rename(settings_path() . '.tmp', settings_path());
}

$requests = [];

function post_form(string $url, array $params): array
{
    global $requests;
    $body = http_build_query($params);
    $ch = curl_init();
    $opts = [
        CURLOPT_URL => $url,
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => $body,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_USERAGENT => USER_AGENT,
        CURLOPT_HTTPHEADER => ['Content-Type: application/x-www-form-urlencoded'],
        CURLOPT_TIMEOUT => 60,
    ];
    if (getenv('B24_CA_FILE')) $opts[CURLOPT_CAINFO] = getenv('B24_CA_FILE');
    if (getenv('B24_OAUTH_CONNECT_TO')) $opts[CURLOPT_CONNECT_TO] = ['oauth.bitrix.info:443:' . getenv('B24_OAUTH_CONNECT_TO')];
    curl_setopt_array($ch, $opts);
    $raw = curl_exec($ch);
    $status = curl_getinfo($ch, CURLINFO_HTTP_CODE);
    $err = $raw === false ? curl_error($ch) : null;
    curl_close($ch);
    $requests[] = ['url' => $url, 'status' => $status, 'error' => $err];
    if ($raw === false) return ['error' => 'curl_error', 'error_description' => $err];
    return json_decode($raw, true) ?: ['error' => 'bad_json', 'error_description' => $raw];
}

function call_method(string $method, array $params, bool &$refreshed): array
{
    $s = read_settings();
    foreach (['access_token', 'domain', 'refresh_token', 'application_token', 'client_endpoint'] as $k) {
        if (empty($s[$k])) return ['error' => 'no_install_app', 'error_description' => "settings lack $k"];
    }
    $answer = post_form($s['client_endpoint'] . $method . '.json', $params + ['auth' => $s['access_token']]);
    if (($answer['error'] ?? null) === 'expired_token' && !$refreshed) {
        $refreshed = true;
        $new = post_form(OAUTH_URL, [
            'client_id' => getenv('CREST_CLIENT_ID'),
            'grant_type' => 'refresh_token',
            'client_secret' => getenv('CREST_CLIENT_SECRET'),
            'refresh_token' => $s['refresh_token'],
        ]);
        if (!empty($new['access_token']) && !empty($new['refresh_token']) && !empty($new['client_endpoint'])) {
            write_settings(array_merge($s, $new));
            return call_method($method, $params, $refreshed);
        }
        return $new;
    }
    return $answer;
}

if (PHP_SAPI === 'cli-server') {
    // installApp(): event ONAPPINSTALL with auth -> the auth array saved as the settings
    if (($_REQUEST['event'] ?? '') === 'ONAPPINSTALL' && !empty($_REQUEST['auth'])) {
        write_settings($_REQUEST['auth']);
    }
    return true;
}

if (($argv[1] ?? '') === 'call') {
    $refreshed = false;
    $answer = call_method($argv[2], json_decode($argv[3] ?? '{}', true) ?: [], $refreshed);
    echo json_encode(['answer' => $answer, 'refreshed' => $refreshed, 'requests' => $requests]), "\n";
    exit(0);
}
fwrite(STDERR, "usage: php crest_app.php call METHOD JSON\n");
exit(2);
