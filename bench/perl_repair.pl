# perl perl_repair.pl DICT.tsv FILE: one alternation of every key, longest first, and a hash.
use strict;
use warnings;
my %rep;
open(my $d, '<', $ARGV[0]) or die;
while (<$d>) { chomp; my ($k, $v) = split /\t/; $rep{lc $k} = $v; }
my $alt = join '|', map { quotemeta } sort { length($b) <=> length($a) } keys %rep;
my $re = qr/(?<![A-Za-z0-9_])($alt)(?![A-Za-z0-9_])/i;
open(my $f, '<', $ARGV[1]) or die;
local $/;
my $text = <$f>;
$text =~ s/$re/my $r = $rep{lc $1}; $1 =~ m{^[A-Z]} ? ucfirst($r) : $r/ge;
print $text;
