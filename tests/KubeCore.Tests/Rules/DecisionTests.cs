using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Loans;
using KubeCore.Rules;
using KubeCore.Tests.Groups;
using KubeCore.Tests.Support;
using NodaTime;

namespace KubeCore.Tests.Rules;

/// <summary>
/// A decision keeps its checks' parameter values unformatted and formats them when they are first read. These
/// tests hold it to the text the eager formatting gave, to immutability and to safe reading from many threads.
/// </summary>
public class DecisionTests
{
    private static readonly RuleId Rule = RuleIds.Grp01;

    private static readonly CultureInfo[] Cultures =
        [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("id-ID"), CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("ar-SA")];

    /// <summary>A value that reads the current culture in ToString, as a record with a number does.</summary>
    private sealed record Measure(double Value, decimal Amount);

    /// <summary>Parameter values of every kind a rule records, and a few it should not (mutable, culture-reading).</summary>
    private static Gen<object?> AnyValue => Gen.OneOf(
        Gen.Constant<object?>(null),
        Gen.Choose(-1_000, 1_000).Select(i => (object?)i),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (object?)Rupiah.Of(i * 1_000L)),
        Gen.Choose(0, 10_000).Select(bp => (object?)Rate.FromBasisPoints(bp)),
        Gen.Choose(0, 20_000).Select(d => (object?)new LocalDate(2000, 1, 1).PlusDays(d)),
        Gen.Choose(-5_000_000, 5_000_000).Select(i => (object?)(i / 1000.0)),
        Gen.Choose(-5_000_000, 5_000_000).Select(i => (object?)(i / 100m)),
        Gen.Choose(0, 1).Select(i => (object?)(i == 1)),
        Gen.Elements<object?>(Sex.Female, Sex.Male, CheckOutcome.Warning, ResidenceScope.Kecamatan, (CheckOutcome)99, DayOfWeek.Monday),
        Gen.Elements<object?>("", "Siti Aminah", "KUBE Maju Bersama", "Rp 1.000", "{Members}"),
        Gen.Choose(1, 9_999).Select(v => (object?)RegionCode.Parse($"62.71.01.{v:0000}")),
        Gen.Choose(1, 1_000).Select(i => (object?)new PersonId(new Guid(i, 0, 0, [0x80, 0, 0, 0, 0, 0, 0, 1]))),
        Gen.Choose(0, 36).Select(m => (object?)Period.FromMonths(m)),
        Gen.Choose(-5_000, 5_000).Select(i => (object?)new Measure(i / 10.0, i / 100m)),
        Gen.Choose(0, 3).Select(i => (object?)new List<int>(Enumerable.Range(0, i))),
        Gen.Choose(0, 3).Select(i => (object?)new StringBuilder("seats " + i)),
        Gen.Choose(0, 2_000).Select(i => (object?)new DateTime(2020, 1, 1).AddHours(i)));

    private static Gen<(string Name, object? Value)[]> Parameters =>
        from count in Gen.Choose(0, 6)
        from names in Gen.Elements("Members", "Membership.MinMembers", "Seat", "Women", "Members").ArrayOf(count)
        from values in AnyValue.ArrayOf(count)
        select names.Zip(values, (n, v) => (n, v)).ToArray();

    private static Gen<CultureInfo> Culture => Gen.Elements(Cultures);

    /// <summary>Up to eight checks' parameters, the culture they are recorded in and the culture they are read in.</summary>
    public sealed record RecordedChecks((string Name, object? Value)[][] Checks, CultureInfo RecordIn, CultureInfo ReadIn)
    {
        public override string ToString() =>
            $"RecordedChecks {{ Checks = {CounterexampleText.Items(Checks.Select(CounterexampleText.Items))}, RecordIn = {RecordIn.Name}, ReadIn = {ReadIn.Name} }}";
    }

    public static class DecisionArbitraries
    {
        public static Arbitrary<RecordedChecks> RecordedChecksArbitrary() =>
            (from checks in Parameters.ArrayOf().Select(a => a.Take(8).ToArray())
             from recordIn in Culture
             from readIn in Culture
             select new RecordedChecks(checks, recordIn, readIn)).ToArbitrary();
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(DecisionArbitraries)])]
    public void Parameters_read_later_and_in_any_culture_have_the_text_they_had_when_the_check_was_recorded(RecordedChecks c)
    {
        var (checks, recordIn, readIn) = c;
        var builder = new DecisionBuilder("Property", ProgramProfiles.KubePermensos2019);
        List<IReadOnlyDictionary<string, string>> expected;
        using (new CultureScope(recordIn))
        {
            expected = checks.Select(EagerFormat).ToList();
            foreach (var parameters in checks)
            {
                builder.Check(Rule, null, parameters);
            }
        }
        var decision = builder.Build();
        Mutate(checks);
        using (new CultureScope(readIn))
        {
            decision.Checks.Count.ShouldBe(checks.Length);
            for (var i = 0; i < checks.Length; i++)
            {
                decision.Checks[i].Parameters.ToList().ShouldBe(expected[i].ToList());
            }
        }
    }

    /// <summary>A run of checks: for each, a rule, a list of parameter names and, per name, which shared value it records.</summary>
    public sealed record ShapedChecks((int Rule, int Names, int[] Values)[] Checks)
    {
        public override string ToString() =>
            $"ShapedChecks {{ {string.Join("; ", Checks.Select(c => $"rule {c.Rule}, names {c.Names}, values [{string.Join(", ", c.Values)}]"))} }}";
    }

    private static readonly RuleId[] ShapeRules = [RuleIds.Grp01, RuleIds.Mem03, RuleIds.Mem04];

    private static readonly string[][] ShapeNames =
        [["PersonId", "Age"], ["Age", "PersonId"], ["PersonId", "Validity"], ["PersonId", "Age", "Seats"], ["Seats"], []];

    public static class ShapedArbitraries
    {
        public static Arbitrary<ShapedChecks> ShapedChecksArbitrary() =>
            (from count in Gen.Choose(1, 30)
             from checks in (from rule in Gen.Choose(0, ShapeRules.Length - 1)
                             from names in Gen.Choose(0, ShapeNames.Length - 1)
                             from values in Gen.Choose(0, 4).ArrayOf(ShapeNames[names].Length)
                             select (rule, names, values)).ArrayOf(count)
             select new ShapedChecks(checks)).ToArbitrary();
    }

    // Checks are looked up by their rule and names, the shape recorded after the previous one tried first, and a value
    // that is the very object recorded at the same place by the shape's last check is kept without being judged again.
    [Property(MaxTest = 300, Arbitrary = [typeof(ShapedArbitraries)])]
    public void Checks_recorded_in_any_order_of_rules_names_and_shared_values_read_back_as_they_were_recorded(ShapedChecks c)
    {
        var seats = new StringBuilder("seats");
        object?[] pool = [DecisionBoxes.Int(7), Period.FromMonths(3), seats, null, Sex.Female];
        var builder = new DecisionBuilder("Shapes", ProgramProfiles.KubePermensos2019);
        var expected = new List<string>();
        foreach (var (rule, names, values) in c.Checks)
        {
            var parameters = ShapeNames[names].Select((name, i) => (name, pool[values[i]])).ToArray();
            builder.Check(ShapeRules[rule], null, parameters);
            var text = string.Join(", ", EagerFormat(parameters).Select(p => $"{p.Key}={p.Value}"));
            expected.Add($"{ShapeRules[rule]} Passed{(text.Length == 0 ? string.Empty : $" ({text})")}");
            seats.Append('+'); // a mutable value: each check must keep the text it had when recorded
        }

        builder.Build().Checks.Select(check => check.ToString()).ShouldBe(expected);
    }

    [Fact]
    public void A_mutable_value_recorded_again_at_the_same_place_of_a_rule_reads_as_it_was_at_each_recording()
    {
        var seats = new StringBuilder("seats 1");
        var validity = Period.FromMonths(3);
        var builder = new DecisionBuilder("Again", ProgramProfiles.KubePermensos2019);
        builder.Check(Rule, null, ("Seats", seats), ("Validity", validity));
        seats.Append('0');
        builder.Check(Rule, null, ("Seats", seats), ("Validity", validity));
        seats.Append('0');
        var decision = builder.Build();

        decision.Checks[0].Parameters["Seats"].ShouldBe("seats 1");
        decision.Checks[1].Parameters["Seats"].ShouldBe("seats 10");
        decision.Checks[1].Parameters["Validity"].ShouldBe(decision.Checks[0].Parameters["Validity"]);
    }

    [Fact]
    public void Repeated_parameter_names_keep_their_first_place_and_their_last_value_as_before()
    {
        var decision = new DecisionBuilder("Repeats", ProgramProfiles.KubePermensos2019)
            .Check(Rule, null, ("Members", 3), ("Seat", "62.71.01.1001"), ("Members", 7))
            .Build();

        decision.Checks[0].Parameters.ToList().ShouldBe([new("Members", "7"), new("Seat", "62.71.01.1001")]);
        decision.Checks[0].ToString().ShouldBe("GRP-01 Passed (Members=7, Seat=62.71.01.1001)");
    }

    [Fact]
    public void Checks_of_one_rule_with_the_same_names_share_names_but_keep_their_own_values()
    {
        var builder = new DecisionBuilder("Shapes", ProgramProfiles.KubePermensos2019);
        for (var i = 0; i < 20; i++)
        {
            builder.Check(RuleIds.Mem03, null, ("PersonId", i), ("Age", 30 + i));
            builder.Check(RuleIds.Mem04, null, ("PersonId", i), ("Age", 30 + i));
            builder.Check(RuleIds.Mem03, null, ("Age", 30 + i), ("PersonId", i));
        }
        var decision = builder.Build();

        decision.Checks.Count.ShouldBe(60);
        for (var i = 0; i < 20; i++)
        {
            decision.Checks[3 * i].ToString().ShouldBe($"MEM-03 Passed (PersonId={i}, Age={30 + i})");
            decision.Checks[(3 * i) + 1].ToString().ShouldBe($"MEM-04 Passed (PersonId={i}, Age={30 + i})");
            decision.Checks[(3 * i) + 2].ToString().ShouldBe($"MEM-03 Passed (Age={30 + i}, PersonId={i})");
        }
    }

    [Fact]
    public void A_decision_does_not_change_when_its_builder_goes_on_recording_checks()
    {
        var builder = new DecisionBuilder("Growing", ProgramProfiles.KubePermensos2019);
        builder.Check(Rule, null, ("Members", 5));
        var first = builder.Build();
        var before = first.ToString();
        for (var i = 0; i < 100; i++)
        {
            builder.Check(Rule, RuleViolation.Of(Rule, GroupErrors.TooFewMembers, ("Members", i), ("MinMembers", 5)), ("Members", i));
        }
        var second = builder.Build();

        first.ToString().ShouldBe(before);
        first.Checks.Count.ShouldBe(1);
        first.IsApproved.ShouldBeTrue();
        first.Violations.ShouldBeEmpty();
        second.Checks.Count.ShouldBe(101);
        second.Violations.Count.ShouldBe(100);
        second.Checks[100].Parameters["Members"].ShouldBe("99");
    }

    [Fact]
    public void Outcomes_violations_and_warnings_are_read_from_the_record_in_order()
    {
        var tooFew = RuleViolation.Of(Rule, GroupErrors.TooFewMembers, ("Members", 2), ("MinMembers", 5));
        var warning = RuleViolation.Of(RuleIds.Loan06, LoanErrors.AboveAvailableFund, ("Principal", Rupiah.Of(5_000)));
        var decision = new DecisionBuilder("Mixed", ProgramProfiles.KubePermensos2019, new LocalDate(2025, 2, 3))
            .Check(Rule, tooFew, ("Members", 2))
            .Warn(warning, ("Available", Rupiah.Of(1_000)))
            .NotApplicable(RuleIds.Mem05, ("Membership.MinWomenShare", null))
            .Check(RuleIds.Grp02, holds: true, () => throw new InvalidOperationException("not called when the rule holds"))
            .Check(RuleIds.Grp03, holds: false, 7, static seats => RuleViolation.Of(RuleIds.Grp03, GroupErrors.HouseholdOverSeats, ("Members", seats)))
            .Build();

        decision.IsApproved.ShouldBeFalse();
        decision.Checks.Select(c => c.Outcome).ShouldBe([CheckOutcome.Failed, CheckOutcome.Warning, CheckOutcome.NotApplicable, CheckOutcome.Passed, CheckOutcome.Failed]);
        decision.Checks.Select(c => c.Violation).ShouldBe([tooFew, warning, null, null, decision.Violations[1]]);
        decision.Violations.Count.ShouldBe(2);
        decision.Violations[0].ShouldBeSameAs(tooFew);
        decision.Warnings.ShouldBe([warning]);
        decision.RuleIds.ShouldBe([Rule, RuleIds.Loan06, RuleIds.Mem05, RuleIds.Grp02, RuleIds.Grp03]);
        decision.Checks[1].Parameters["Available"].ShouldBe("Rp 1.000");
        decision.Checks[2].Parameters["Membership.MinWomenShare"].ShouldBe(string.Empty);
        Should.Throw<RuleViolationException>(decision.ThrowIfRejected).Violations.Count.ShouldBe(2);
    }

    [Fact]
    public void A_deferred_parameter_is_computed_only_when_the_parameters_are_read()
    {
        var computed = 0;
        var decision = new DecisionBuilder("Deferred", ProgramProfiles.KubePermensos2019)
            .Check(Rule, null, ("Members", 3), DecisionBuilder.Deferred("Names", new[] { "Siti", "Ani" }, names => { computed++; return string.Join(", ", names); }))
            .Build();

        decision.IsApproved.ShouldBeTrue();
        decision.Checks[0].RuleId.ShouldBe(Rule);
        computed.ShouldBe(0);
        decision.Checks[0].Parameters["Names"].ShouldBe("Siti, Ani");
        decision.Checks[0].Parameters["Names"].ShouldBe("Siti, Ani");
        computed.ShouldBe(1);
    }

    [Fact]
    public void Many_threads_reading_one_decision_at_once_see_the_same_checks_and_the_same_text()
    {
        for (var round = 0; round < 20; round++)
        {
            var builder = new DecisionBuilder("Concurrent", ProgramProfiles.KubePermensos2019);
            for (var i = 0; i < 50; i++)
            {
                builder.Check(RuleIds.Mem01, null, ("PersonId", new PersonId(new Guid(i + 1, 0, 0, [0x80, 0, 0, 0, 0, 0, 0, 1]))), ("Fee", Rupiah.Of(i * 1_500)), ("On", new LocalDate(2025, 1, 1).PlusDays(i)));
            }
            var decision = builder.Build();
            using var start = new Barrier(8);
            var seen = new (IReadOnlyList<RuleCheck> Checks, IReadOnlyDictionary<string, string>[] Parameters, string Subject)[8];
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                var checks = decision.Checks;
                seen[t] = (checks, checks.Select(c => c.Parameters).ToArray(), decision.Subject);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            foreach (var (checks, parameters, subject) in seen)
            {
                checks.ShouldBeSameAs(seen[0].Checks);
                subject.ShouldBe("Concurrent");
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].ShouldBeSameAs(seen[0].Parameters[i]);
                    parameters[i]["Fee"].ShouldBe(Rupiah.Of(i * 1_500).ToString());
                }
            }
        }
    }

    [Fact]
    public void A_decision_and_its_checks_have_no_public_way_to_change()
    {
        foreach (var type in new[] { typeof(Decision), typeof(RuleCheck) })
        {
            type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).ShouldBeEmpty(type.Name);
            type.GetFields().ShouldBeEmpty(type.Name);
        }
        var checks = new DecisionBuilder("Read only", ProgramProfiles.KubePermensos2019).Check(Rule, null, ("Members", 5)).Build().Checks;
        checks[0].Parameters.ShouldBeOfType<ReadOnlyDictionary<string, string>>();
    }

    [Fact]
    public void A_formation_subject_is_written_only_when_read_and_reads_as_before()
    {
        var proposal = FormationTranscript.CleanProposal(ProgramProfiles.KubePermensos2019);
        var decision = Group.EvaluateProposal(proposal);

        decision.Subject.ShouldBe($"Formation of group {proposal.GroupId}");
        decision.Subject.ShouldBeSameAs(decision.Subject);
    }

    private static IReadOnlyDictionary<string, string> EagerFormat((string Name, object? Value)[] parameters)
    {
        // The formatting DecisionBuilder did before it became lazy, verbatim.
        var map = new Dictionary<string, string>(parameters.Length, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            map[name] = KubeCoreMessages.FormatValue(value, CultureInfo.InvariantCulture);
        }
        return new ReadOnlyDictionary<string, string>(map);
    }

    private static void Mutate((string Name, object? Value)[][] checks)
    {
        foreach (var (_, value) in checks.SelectMany(c => c))
        {
            switch (value)
            {
                case List<int> list:
                    list.Add(42);
                    break;
                case StringBuilder text:
                    text.Append(" changed");
                    break;
            }
        }
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
