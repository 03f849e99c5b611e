<?php
// A small webhook client that puts exactly PHP CRest 1.36's bytes on the wire (written here; no CRest code):
//   POST {webhook}/{method}.json, Content-Type application/x-www-form-urlencoded, body = http_build_query($params)
//   (PHP bracket nesting, RFC 1738: spaces as '+'), and batch as POST batch.json with
//   cmd[key]=method?http_build_query(params) (the nested query encoded a second time), then halt=0|1.
// Usage (parameters as JSON, decoded to PHP arrays as a PHP caller would write them):
//   php crest_wire.php call  WEBHOOK_BASE METHOD '{"taskId":1}'
//   php crest_wire.php batch WEBHOOK_BASE HALT  '{"key":["method",{"param":1}],...}'
// Prints one JSON object: {"request":{"url","contentType","body"},"status":N,"raw":"<response text>"}.

const USER_AGENT = 'Bitrix24 CRest PHP 1.36';

function wire_post(string $url, array $params): array
{
    $body = http_build_query($params);
    $ch = curl_init();
    curl_setopt_array($ch, [
        CURLOPT_URL => $url,
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => $body,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_USERAGENT => USER_AGENT,
        CURLOPT_HTTPHEADER => ['Content-Type: application/x-www-form-urlencoded'],
        CURLOPT_TIMEOUT => 60,
    ]);
    $raw = curl_exec($ch);
    if ($raw === false) {
        $out = ['error' => 'curl_error', 'error_description' => curl_error($ch)];
        curl_close($ch);
        return ['request' => ['url' => $url, 'body' => $body], 'status' => 0, 'raw' => json_encode($out)];
    }
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    curl_close($ch);
    return [
        'request' => ['url' => $url, 'contentType' => 'application/x-www-form-urlencoded', 'body' => $body],
        'status' => $status,
        'raw' => $raw,
    ];
}

function wire_call(string $webhook, string $method, array $params): array
{
    return wire_post(rtrim($webhook, '/') . '/' . $method . '.json', $params);
}

function wire_batch(string $webhook, array $commands, int $halt): array
{
    $cmd = [];
    foreach ($commands as $key => [$method, $params]) {
        // the '?' and the query only when there are parameters; halt goes after cmd, as CRest orders them
        $cmd[$key] = empty($params) ? $method : $method . '?' . http_build_query($params);
    }
    return wire_call($webhook, 'batch', ['cmd' => $cmd, 'halt' => $halt]);
}

$argv = $_SERVER['argv'];
$mode = $argv[1] ?? '';
$decode = static function (string $json): array {
    $v = json_decode($json, true);
    if (!is_array($v)) {
        fwrite(STDERR, "parameters must be a JSON object or array\n");
        exit(2);
    }
    return $v;
};
if ($mode === 'call' && count($argv) === 5) {
    $out = wire_call($argv[2], $argv[3], $decode($argv[4]));
} elseif ($mode === 'batch' && count($argv) === 5) {
    $out = wire_batch($argv[2], $decode($argv[4]), (int) $argv[3]);
} else {
    fwrite(STDERR, "usage: php crest_wire.php call WEBHOOK METHOD JSON | batch WEBHOOK HALT JSON\n");
    exit(2);
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
