<?php
// PHP, on your server (never in the page): a viewer token for one stream, valid for two hours.
// STREAM_SECRET is the secret StreamFront's edge check uses (your AMS application's JWT secret works).
function b64url(string $data): string {
    return rtrim(strtr(base64_encode($data), '+/', '-_'), '=');
}

function viewer_token(string $streamId, int $validSeconds = 7200): string {
    $body = b64url(json_encode(['alg' => 'HS256', 'typ' => 'JWT'])) . '.'
          . b64url(json_encode(['streamId' => $streamId, 'type' => 'play', 'expireDate' => time() + $validSeconds]));
    return $body . '.' . b64url(hash_hmac('sha256', $body, getenv('STREAM_SECRET'), true));
}

// The address to give the player: the token sits in the path, so every segment request carries it.
$url = 'https://%DOMAIN%/t/' . viewer_token('%STREAM%') . '/streams/%STREAM%.m3u8';
