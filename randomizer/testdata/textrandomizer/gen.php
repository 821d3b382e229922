<?php
// Records what TextRandomizer itself renders for each case of cases.json:
// its variant count and the distinct texts of repeated getText() calls.
// Run from this directory (php-cli 8.2, PCRE2 10.42):
//
//	php gen.php /work/shared/peers/textrandomizer > want.json
//
// The first argument is TextRandomizer's checkout (RotEval/TextRandomizer
// at d6b2597). For a case of at most 2,000 variants the texts are drawn
// until 50 times the count of draws in a row bring no new one, which makes
// the list complete; for larger ones 500 draws are kept as a sample.
// Cases named "generated N" come from gencases.py.
$dir = $argv[1];
require "$dir/src/Node.php";
require "$dir/src/TextRandomizer.php";
mt_srand(1);
$out = [];
foreach (json_decode(file_get_contents('cases.json'), true) as $c) {
    $t = new RotEval\TextRandomizer\TextRandomizer($c['src']);
    $n = $t->numVariant();
    $seen = [];
    $complete = $n <= 2000;
    if ($complete) {
        for ($quiet = 0; $quiet < 50 * $n + 100; $quiet++) {
            $s = $t->getText();
            if (!isset($seen[$s])) { $seen[$s] = true; $quiet = 0; }
        }
    } else {
        for ($i = 0; $i < 500; $i++) { $seen[$t->getText()] = true; }
    }
    $texts = array_map('strval', array_keys($seen));
    sort($texts, SORT_STRING);
    $out[] = ['name' => $c['name'], 'count' => $n, 'complete' => $complete, 'texts' => $texts];
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
