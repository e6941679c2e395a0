namespace AttackDash.Core.Sendmail;

/// <summary>
/// DNS-blocklist rejects. FEATURE(dnsbl) and enhdnsbl let each site write its own message, so they
/// are known by their structure rather than by a list of operators: the DNSBL's answer (127.0.0.N) in
/// check_relay's arg2, or a reject text that points at a list ("found in", "listed", "see http://…").
/// </summary>
internal static class DnsBlocklist
{
    public static bool IsReject(bool checkRelay, ReadOnlySpan<byte> arg2, ReadOnlySpan<byte> reject)
    {
        if (checkRelay && arg2.StartsWith("127."u8))
            return true;
        if (FieldText.ContainsIgnoreCase(reject, "blacklist"u8) || FieldText.ContainsIgnoreCase(reject, "blocklist"u8)
            || reject.IndexOf("RBL"u8) >= 0 || reject.IndexOf("DNSBL"u8) >= 0
            || FieldText.ContainsIgnoreCase(reject, "spamhaus"u8) || FieldText.ContainsIgnoreCase(reject, "spamcop"u8))
            return true;
        if (reject.IndexOf(" found in "u8) >= 0 || reject.IndexOf("listed at"u8) >= 0 || reject.IndexOf("listed in"u8) >= 0
            || reject.IndexOf("listed on"u8) >= 0)
            return true;
        // check_relay runs before the client has said anything: a reject there that sends the client to
        // a web page ("Rejected - see http://…", "blocked - see http://…") is a list lookup.
        return checkRelay && (reject.IndexOf("http://"u8) >= 0 || reject.IndexOf("https://"u8) >= 0);
    }
}
