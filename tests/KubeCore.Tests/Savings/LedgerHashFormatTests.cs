using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using KubeCore.Common;
using KubeCore.Savings;
using KubeCore.Tests.Conventions;
using KubeCore.Tests.PublicApi;
using NodaTime;

namespace KubeCore.Tests.Savings;

/// <summary>
/// The canonical encodings of ledger entries (format 2 written now, format 1 still verified) and the SHA-256 that
/// hashes them (OpenSSL called directly, or the BCL).
/// </summary>
public partial class LedgerHashFormatTests
{
    private static LedgerModel Run(IEnumerable<LedgerOp> ops)
    {
        var model = new LedgerModel();
        foreach (var op in ops)
        {
            model.Step(op);
        }
        return model;
    }

    private static LedgerEntry Copy(LedgerEntry e, EntryHash previous, EntryHash hash) =>
        LedgerEntry.FromStored(e.Group, e.Id, e.Sequence, e.BookDate, e.Kind,
            e.Legs.Select(l => LedgerLeg.FromParts(LedgerAccount.FromParts(l.Account.Kind, l.Account.Member, l.Account.Loan), l.Side, l.Amount)),
            e.Member, e.Loan, e.Reference, e.Memo, e.Reverses, previous, hash);

    /// <summary>The ledger's entries re-hashed as the library hashed them before format 2 (an independent format 1 encoder).</summary>
    private static List<LedgerEntry> AsFormat1Chain(IReadOnlyList<LedgerEntry> entries)
    {
        var result = new List<LedgerEntry>(entries.Count);
        var previous = EntryHash.Zero;
        foreach (var e in entries)
        {
            var hash = EntryHash.FromBytes(SHA256.HashData(Format1Fixture.Encode(e, previous)));
            result.Add(Copy(e, previous, hash));
            previous = hash;
        }
        return result;
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void Every_entry_the_ledger_writes_is_in_format_2_and_its_hash_is_the_plain_SHA256_of_its_canonical_bytes() =>
        Support.Rulebook.Verify(Prop.ForAll(LedgerOps.Sequence(120), ops =>
        {
            var model = Run(ops);
            foreach (var entry in model.Ledger.Entries)
            {
                entry.Format.ShouldBe(LedgerEntry.CurrentFormat);
                var bytes = entry.CanonicalBytes();
                bytes[0].ShouldBe((byte)2);
                EntryHash.FromBytes(SHA256.HashData(bytes)).ShouldBe(entry.Hash);
                entry.HashIsValid.ShouldBeTrue();
            }
            model.Ledger.VerifyChain().IsIntact.ShouldBeTrue();
            return true;
        }), maxTest: 60);

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void Flipping_any_bit_of_a_format_2_encoding_changes_its_hash() =>
        Support.Rulebook.Verify(Prop.ForAll(
            LedgerOps.Sequence(60),
            Gen.Choose(0, 100_000).ToArbitrary(),
            Gen.Choose(0, 7).ToArbitrary(),
            (ops, pick, bit) =>
            {
                var entries = Run(ops).Ledger.Entries;
                var entry = entries[pick % entries.Count];
                var bytes = entry.CanonicalBytes();
                bytes[pick % bytes.Length] ^= (byte)(1 << bit);
                EntryHash.FromBytes(SHA256.HashData(bytes)).ShouldNotBe(entry.Hash);
                return true;
            }), maxTest: 200);

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_deposit_fits_in_two_SHA256_blocks()
    {
        var model = new LedgerModel();
        var deposit = model.Ledger.Deposit(HostToday.Of(model.Today), model.Today, model.EverMembers[0], Rupiah.Of(50_000));
        deposit.CanonicalBytes().Length.ShouldBeLessThanOrEqualTo(119);
    }

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_chain_written_in_format_1_still_verifies_rehydrates_and_takes_format_2_entries_after_it() =>
        Support.Rulebook.Verify(Prop.ForAll(LedgerOps.Sequence(100), ops =>
        {
            var model = Run(ops);
            var old = AsFormat1Chain(model.Ledger.Entries);
            old.ShouldAllBe(e => e.Format == 1 && e.HashIsValid);
            old.ShouldAllBe(e => e.CanonicalBytes()[0] == 1);
            SavingsLedger.VerifyChain(old, old[^1].Hash).IsIntact.ShouldBeTrue();
            var rebuilt = SavingsLedger.Rehydrate(model.Group, old, old[^1].Hash);
            rebuilt.Cash.ShouldBe(model.Ledger.Cash);
            var member = model.Group.CurrentMembers.First();
            rebuilt.SavingsOf(member).ShouldBe(model.Ledger.SavingsOf(member));
            var next = rebuilt.Deposit(HostToday.Of(rebuilt.NextWeekToClose.Start > rebuilt.LastBookDate ? rebuilt.NextWeekToClose.Start : rebuilt.LastBookDate), rebuilt.NextWeekToClose.Start > rebuilt.LastBookDate ? rebuilt.NextWeekToClose.Start : rebuilt.LastBookDate, member, Rupiah.Of(5_000));
            next.Format.ShouldBe(2);
            next.PreviousHash.ShouldBe(old[^1].Hash);
            SavingsLedger.VerifyChain(rebuilt.Entries).IsIntact.ShouldBeTrue();
            return true;
        }), maxTest: 40);

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void Tampering_with_a_field_of_a_format_1_chain_is_found_at_that_entry() =>
        Support.Rulebook.Verify(Prop.ForAll(
            LedgerOps.Sequence(60),
            Gen.Choose(0, 100_000).ToArbitrary(),
            (ops, pick) =>
            {
                var old = AsFormat1Chain(Run(ops).Ledger.Entries);
                var index = pick % old.Count;
                var e = old[index];
                old[index] = LedgerEntry.FromStored(e.Group, e.Id, e.Sequence, e.BookDate, e.Kind, e.Legs, e.Member, e.Loan,
                    e.Reference + "x", e.Memo, e.Reverses, e.PreviousHash, e.Hash);
                var verification = SavingsLedger.VerifyChain(old);
                verification.IsIntact.ShouldBeFalse();
                verification.FirstBrokenPosition.ShouldBe(index + 1);
                verification.Reason.ShouldBe(ChainBreak.HashMismatch);
                return true;
            }), maxTest: 100);

    [Fact]
    [Trait("Rule", "SAV-01")]
    public void A_format_1_entry_hashed_before_format_2_existed_still_verifies()
    {
        // Written by the library before format 2 (commit 7729cbf): a deposit of Rp 5.000 on 2017-02-06, entry 2.
        var entry = LedgerEntry.FromStored(
            new GroupId(Guid.Parse("0b9a3c1e-7d42-4f6a-9c1d-2e5f8a7b6c01")), new EntryId(Guid.Parse("5d1e0f3a-2b4c-4d6e-8f70-91a2b3c4d5e6")), 2,
            new LocalDate(2017, 2, 6), EntryKind.SavingsDeposit,
            [LedgerLeg.Debit(LedgerAccount.Cash, Rupiah.Of(5_000)), LedgerLeg.Credit(LedgerAccount.MemberSavings(new PersonId(Guid.Parse("a1b2c3d4-e5f6-4718-293a-4b5c6d7e8f90"))), Rupiah.Of(5_000))],
            new PersonId(Guid.Parse("a1b2c3d4-e5f6-4718-293a-4b5c6d7e8f90")), null, "KW-0012", null, null,
            EntryHash.Parse("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
            EntryHash.Parse(Format1Vector.Hash));
        entry.Format.ShouldBe(1);
        entry.HashIsValid.ShouldBeTrue();
        Convert.ToHexStringLower(entry.CanonicalBytes()).ShouldBe(Format1Vector.CanonicalBytes);
    }

    [Fact]
    [Trait("Rule", "SAV-05")]
    public void Week_totals_built_on_first_read_equal_a_plain_recount_of_the_weeks_entries() =>
        Support.Rulebook.Verify(Prop.ForAll(LedgerOps.Sequence(150), ops =>
        {
            var ledger = Run(ops).Ledger;
            var totals = ledger.Closes.Select(c => c.Totals).Append(ledger.ComputeWeekTotals(ledger.WeekOf(ledger.LastBookDate))).ToList();
            foreach (var week in totals)
            {
                var inWeek = ledger.EntriesIn(week.Week).Where(e => e.Legs.Length > 0).ToList();
                week.Entries.ShouldBe(inWeek.Select(e => e.Id).ToList());
                var byKind = inWeek.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => Rupiah.Of(g.Sum(e => e.Amount.Amount)));
                week.ByKind.OrderBy(p => p.Key).ShouldBe(byKind.OrderBy(p => p.Key));
                var net = new List<(PersonId Member, long Amount)>();
                foreach (var e in inWeek)
                {
                    var sign = e.Kind == EntryKind.SavingsDeposit ? 1
                        : e.Kind == EntryKind.Reversal && ledger.FindEntry(e.Reverses!.Value)!.Kind == EntryKind.SavingsDeposit ? -1 : 0;
                    if (sign == 0)
                    {
                        continue;
                    }
                    var at = net.FindIndex(n => n.Member == e.Member!.Value);
                    if (at < 0)
                    {
                        net.Add((e.Member!.Value, sign * e.Amount.Amount));
                    }
                    else
                    {
                        net[at] = (net[at].Member, net[at].Amount + (sign * e.Amount.Amount));
                    }
                }
                week.DepositsByMember.ToList().ShouldBe(net.Where(n => n.Amount > 0).Select(n => KeyValuePair.Create(n.Member, Rupiah.Of(n.Amount))).ToList());
                ((ICollection<KeyValuePair<PersonId, Rupiah>>)week.DepositsByMember).IsReadOnly.ShouldBeTrue();
                week.Deposits.ShouldBe(Rupiah.Of(inWeek.Where(e => e.Kind == EntryKind.SavingsDeposit).Sum(e => e.Amount.Amount)));
            }
            return true;
        }), maxTest: 40);

    [Fact]
    public void An_entry_gives_back_exactly_the_legs_it_was_written_with() =>
        Support.Rulebook.Verify(Prop.ForAll(LedgerOps.Sequence(120), ops =>
        {
            var entries = Run(ops).Ledger.Entries;
            foreach (var e in entries)
            {
                var copy = Copy(e, e.PreviousHash, e.Hash);
                copy.Legs.ShouldBe(e.Legs);
                copy.HashIsValid.ShouldBeTrue();
                copy.Amount.ShouldBe(e.Amount);
                copy.CashDelta.ShouldBe(e.CashDelta);
            }
            return true;
        }), maxTest: 40);

    [Fact]
    public void The_native_and_the_BCL_SHA256_agree_on_random_messages() =>
        Support.Rulebook.Verify(Prop.ForAll(
            Gen.Choose(0, 700).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)).ToArbitrary(),
            message =>
            {
                var expected = SHA256.HashData(message);
                var managed = new byte[32];
                ChainSha256.HashManaged(message, managed);
                managed.ShouldBe(expected);
                var used = new byte[32];
                ChainSha256.Hash(message, used);
                used.ShouldBe(expected);
                if (ChainSha256.IsNative)
                {
                    var native = new byte[32];
                    ChainSha256.HashNative(message, native);
                    native.ShouldBe(expected);
                }
                return true;
            }), maxTest: 500);

    [Fact]
    public void The_ledger_names_the_SHA256_it_uses_and_uses_OpenSSL_directly_on_Linux_when_libcrypto_3_is_present()
    {
        LedgerEntry.HashImplementation.ShouldBe(ChainSha256.IsNative ? ChainSha256.NativeName : ChainSha256.ManagedName);
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.NativeLibrary.TryLoad("libcrypto.so.3", out _))
        {
            ChainSha256.IsNative.ShouldBeTrue();
        }
    }

    [Fact]
    public void Only_the_ledger_SHA256_uses_unsafe_code()
    {
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "KubeCore"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }
            if (UnsafeKeyword().IsMatch(EnforcerScanner.CodeOnly(File.ReadAllText(file))))
            {
                found.Add(relative);
            }
        }
        found.ShouldBe(["src/KubeCore/Savings/ChainSha256.cs"]);
    }

    [GeneratedRegex(@"\bunsafe\b")]
    private static partial Regex UnsafeKeyword();

    /// <summary>A format-1 vector computed by the library before format 2 (see the test that uses it).</summary>
    private static class Format1Vector
    {
        public const string CanonicalBytes =
            "010b9a3c1e7d424f6a9c1d2e5f8a7b6c0100000000000000025d1e0f3a2b4c4d6e8f7091a2b3c4d5e6000007e102060201a1b2c3d4e5f64718293a4b5c6d7e8f90"
            + "000201000100000000000013880201a1b2c3d4e5f64718293a4b5c6d7e8f90020000000000001388000000074b572d30303132000000000011223344556677"
            + "8899aabbccddeeff00112233445566778899aabbccddeeff";

        public const string Hash = "2bb62ba30dcbd7e92820f0ad88cd791acaa3d4511ed582e5dec0c0ffe8dab4df";
    }

    /// <summary>Format 1 exactly as the library encoded entries before format 2, written out independently.</summary>
    private static class Format1Fixture
    {
        public static byte[] Encode(LedgerEntry e, EntryHash previous)
        {
            var bytes = new List<byte> { 1 };
            void Guid16(Guid g)
            {
                Span<byte> b = stackalloc byte[16];
                g.TryWriteBytes(b, bigEndian: true, out _);
                bytes.AddRange(b.ToArray());
            }
            void I64(long v)
            {
                var b = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(b, v);
                bytes.AddRange(b);
            }
            void I32(int v)
            {
                var b = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(b, v);
                bytes.AddRange(b);
            }
            void Text(string s)
            {
                var b = Encoding.UTF8.GetBytes(s);
                I32(b.Length);
                bytes.AddRange(b);
            }
            Guid16(e.Group.Value);
            I64(e.Sequence);
            Guid16(e.Id.Value);
            I32(e.BookDate.Year);
            bytes.Add((byte)e.BookDate.Month);
            bytes.Add((byte)e.BookDate.Day);
            bytes.Add((byte)e.Kind);
            bytes.Add((byte)((e.Member is null ? 0 : 1) | (e.Loan is null ? 0 : 2) | (e.Reverses is null ? 0 : 4)));
            if (e.Member is { } m)
            {
                Guid16(m.Value);
            }
            if (e.Loan is { } l)
            {
                Guid16(l.Value);
            }
            if (e.Reverses is { } r)
            {
                Guid16(r.Value);
            }
            bytes.Add((byte)(e.Legs.Length >> 8));
            bytes.Add((byte)e.Legs.Length);
            foreach (var leg in e.Legs)
            {
                bytes.Add((byte)leg.Account.Kind);
                bytes.Add((byte)((leg.Account.Member is null ? 0 : 1) | (leg.Account.Loan is null ? 0 : 2)));
                if (leg.Account.Member is { } lm)
                {
                    Guid16(lm.Value);
                }
                if (leg.Account.Loan is { } ll)
                {
                    Guid16(ll.Value);
                }
                bytes.Add((byte)leg.Side);
                I64(leg.Amount.Amount);
            }
            Text(e.Reference);
            Text(e.Memo);
            bytes.AddRange(previous.ToByteArray());
            return [.. bytes];
        }
    }
}
