using System.Text.RegularExpressions;

namespace KubeCore.Tests.Conventions;

/// <summary>
/// One rule, one place: each (rule id, error code) violation is built at exactly one place in <c>src/KubeCore</c>, so a
/// rule changed there is changed everywhere it is enforced. A source scan keys every construction by the pair
/// <c>RuleIds.X, XErrors.Y</c> written next to each other (as <c>RuleViolation.Of</c> takes them, or as a helper
/// that builds the violation is given them) and fails with the <c>file:line</c> of every repeat.
/// </summary>
/// <remarks>
/// Two kinds of exception are listed explicitly below, each with its reason; both lists may only shrink (a listed
/// entry that no longer occurs fails the test, so the list is trimmed when an exception is removed).
/// </remarks>
public class OneRuleOnePlaceTests
{
    private static readonly string Root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    // A rule id and an error code written next to each other: RuleIds.Grp01, GroupErrors.TooManyMembers.
    private static readonly Regex Pair = new(@"RuleIds\.(?<rule>\w+)\s*,\s*(?:[\w.]*\.)?(?<code>\w+Errors\.\w+)\b", RegexOptions.CultureInvariant);

    // A violation built from something other than such a pair (a helper given the rule or the code).
    private static readonly Regex Parameterised = new(@"RuleViolation\.Of\((?!\s*(?:Rules\.)?RuleIds\.\w+\s*,\s*(?:[\w.]*\.)?\w+Errors\.)(?<first>[^,]*,[^,]*)", RegexOptions.CultureInvariant);

    // A FluentValidation rule's code: .WithErrorCode(GroupErrors.TooManyMembers).
    private static readonly Regex ValidatorCode = new(@"WithErrorCode\(\s*(?:[\w.]*\.)?(?<code>\w+Errors\.\w+)\s*\)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The helpers that build a violation from a rule or a code they are given, by file and the text of their first two
    /// arguments, with the reason. The pairs their callers pass are written next to each other and scanned like any other.
    /// </summary>
    private static readonly Dictionary<string, string> ParameterisedHelpers = new(StringComparer.Ordinal)
    {
        ["Common/Nik.cs: RuleIds.Mem06, notSixteen"] = "MEM-06 for a 16-digit document: Nik and FamilyCardNumber pass their own three codes",
        ["Common/Nik.cs: RuleIds.Mem06, regionInvalid"] = "MEM-06 for a 16-digit document: Nik and FamilyCardNumber pass their own three codes",
        ["Common/Nik.cs: RuleIds.Mem06, serialInvalid"] = "MEM-06 for a 16-digit document: Nik and FamilyCardNumber pass their own three codes",
        ["Meetings/Meeting.cs: rule, code"] = "a decision without quorum: the (rule, code) pair is chosen by the decision's kind from pairs written next to each other",
        ["Rules/ProfileErrors.cs: rule, NotYetInForce"] = "a profile not yet in force fails the first check of whichever rule a decision records first (DecisionBuilder) or GRP-06 (AdoptProfile)",
        ["Savings/SavingsLedger.cs: rule, code"] = "CheckCurrentMember: SAV-04, SAV-06 and LOAN-06 each pass their own pair, written next to each other",
    };

    /// <summary>
    /// Boundary validators (FluentValidation) that restate a code a domain method also raises: they judge a command's own
    /// fields before the host loads an aggregate, in FluentValidation's terms (a predicate and <c>WithErrorCode</c>), and the
    /// domain method judges the same rule again when the command is applied. Keyed by validator file and code.
    /// </summary>
    private static readonly Dictionary<string, string> ValidatorRestatements = new(StringComparer.Ordinal)
    {
        ["Aid/AidValidators.cs: AidErrors.ReceiptMissing"] = Boundary,
        ["Aid/AidValidators.cs: AidErrors.SpendNotPositive"] = Boundary,
        ["Facilitation/FacilitationValidators.cs: FacilitationErrors.AspectNoteRequired"] = Boundary,
        ["Facilitation/FacilitationValidators.cs: FacilitationErrors.AspectRepeated"] = Boundary,
        ["Facilitation/FacilitationValidators.cs: FacilitationErrors.NoAspect"] = Boundary,
        ["Facilitation/FacilitationValidators.cs: FacilitationErrors.NotOneAspect"] = Boundary,
        ["Facilitation/FacilitationValidators.cs: FacilitationErrors.ReportFieldRequired"] = Boundary,
        ["Facilitation/FacilitationValidators.cs: FacilitationErrors.TextTooLong"] = Boundary,
        ["Groups/GroupValidators.cs: CommonErrors.NameEmpty"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.AccountFieldRequired"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.AccountNumberInvalid"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.ConsentAfterProposal"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.ConsentFromNonFounder"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.ConsentMissing"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.DecisionDateMismatch"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.InitialMeetingBeforeProposal"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.NoElectionRecord"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.NotAnElection"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.OfficeMissing"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.OfficeRepeated"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.PersonAlreadyMember"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.TooFewMembers"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.TooManyMembers"] = Formation,
        ["Groups/GroupValidators.cs: GroupErrors.VerificationFieldRequired"] = Boundary,
        ["Groups/GroupValidators.cs: GroupErrors.VerificationTextTooLong"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.AmountNotPositive"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.ApproverNotOfficer"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.BorrowerNotMember"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.DecisionSubjectMismatch"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.FrequencyNotAllowed"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.NoQuorum"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.NotALoanApproval"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.PrincipalNotPositive"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.PurposeMissing"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.TermOutOfRange"] = Boundary,
        ["Loans/Revolving/LoanCommands.cs: LoanErrors.TextTooLong"] = Boundary,
        ["Meetings/MeetingCommands.cs: MeetingErrors.DecisionSubjectRequired"] = Boundary,
        ["Meetings/MeetingCommands.cs: MeetingErrors.TextTooLong"] = Boundary,
        ["Savings/SavingsCommands.cs: SavingsErrors.AmountNotPositive"] = Boundary,
        ["Savings/SavingsCommands.cs: SavingsErrors.ReversalReasonRequired"] = Boundary,
        ["Savings/SavingsCommands.cs: SavingsErrors.TextTooLong"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.DuplicateHousehold"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.EmptyPile"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.ExerciseIdRequired"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.HouseholdIdRequired"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.HouseholdSortedTwice"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.InformantRequired"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.NotADesa"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.PileOutOfRange"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.TooFewHouseholds"] = Boundary,
        ["WealthRanking/WealthRankingValidators.cs: WealthRankingErrors.TooFewPiles"] = Boundary,
    };

    private const string Boundary =
        "a request-shape check on the command's own fields, in FluentValidation's terms, for hosts that refuse a request before loading the aggregate";

    private const string Formation =
        "ProposeGroupValidator judges the proposal's lists before the dossiers are read; Group.EvaluateProposal judges the same facts from the dossiers";

    [Fact]
    public void Each_rule_and_error_code_violation_is_built_at_exactly_one_place_in_the_library()
    {
        var repeats = Repeats(ScanPairs(LibrarySources())).ToList();
        if (repeats.Count > 0)
        {
            Assert.Fail($"{repeats.Count} (rule id, error code) pairs are built at more than one place; build each in one helper and call it:\n  "
                + string.Join("\n  ", repeats));
        }
    }

    [Fact]
    public void A_violation_built_from_a_rule_or_code_it_is_given_is_one_of_the_listed_helpers()
    {
        var found = LibrarySources()
            .SelectMany(source => Parameterised.Matches(source.Text).Select(m => (Key: $"{source.Path}: {Squeeze(m.Groups["first"].Value)}", Where: $"{source.Path}:{LineOf(source.Text, m.Index)}")))
            .ToList();
        var unlisted = found.Where(f => !ParameterisedHelpers.ContainsKey(f.Key)).Select(f => $"{f.Where} ({f.Key})").ToList();
        var gone = ParameterisedHelpers.Keys.Where(k => found.All(f => f.Key != k)).ToList();
        if (unlisted.Count > 0 || gone.Count > 0)
        {
            Assert.Fail("Build each violation from a rule id and an error code written next to each other (RuleIds.X, XErrors.Y), "
                + "or list the helper here with its reason.\n"
                + (unlisted.Count > 0 ? "Not listed:\n  " + string.Join("\n  ", unlisted) + "\n" : string.Empty)
                + (gone.Count > 0 ? "Listed but gone (remove from the list):\n  " + string.Join("\n  ", gone) : string.Empty));
        }
    }

    [Fact]
    public void Validators_restate_a_domain_code_only_where_listed_and_the_list_only_shrinks()
    {
        var sources = LibrarySources().ToList();
        var domainCodes = ScanPairs(sources).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var restated = sources
            .SelectMany(source => ValidatorCode.Matches(source.Text).Select(m => (Key: $"{source.Path}: {m.Groups["code"].Value}", Code: m.Groups["code"].Value, Where: $"{source.Path}:{LineOf(source.Text, m.Index)}")))
            .Where(r => domainCodes.Contains(r.Code))
            .ToList();
        var unlisted = restated.Where(r => !ValidatorRestatements.ContainsKey(r.Key)).Select(r => r.Where + " " + r.Code).ToList();
        var gone = ValidatorRestatements.Keys.Where(k => restated.All(r => r.Key != k)).ToList();
        if (unlisted.Count > 0 || gone.Count > 0)
        {
            Assert.Fail("A validator restates a code a domain method raises: route it through the domain check, or list it here with its reason.\n"
                + (unlisted.Count > 0 ? "Not listed:\n  " + string.Join("\n  ", unlisted) + "\n" : string.Empty)
                + (gone.Count > 0 ? "Listed but no longer restated (remove from the list):\n  " + string.Join("\n  ", gone) : string.Empty));
        }
    }

    [Fact]
    public void The_scan_reads_the_library_and_finds_its_constructions()
    {
        // Guards the scans above against silently looking at nothing.
        var sources = LibrarySources().ToList();
        sources.ShouldContain(s => s.Path == "Groups/Group.cs");
        sources.ShouldNotContain(s => s.Path.Contains("/obj/", StringComparison.Ordinal) || s.Path.Contains("/bin/", StringComparison.Ordinal));
        var pairs = ScanPairs(sources).ToList();
        pairs.Count.ShouldBeGreaterThan(150);
        pairs.ShouldContain(p => p.Rule == "Grp01" && p.Code == "GroupErrors.TooManyMembers");
    }

    [Fact]
    public void The_scan_reports_a_pair_built_twice_with_both_places_and_a_pair_built_once_not_at_all()
    {
        const string text = """
            return RuleViolation.Of(RuleIds.Grp01, GroupErrors.TooManyMembers, ("Members", n));
            violations.Add(RuleViolation.Of(RuleIds.Grp01,
                GroupErrors.TooManyMembers, ("Members", after.Count)));
            return CheckCurrentMember(member, RuleIds.Sav04, SavingsErrors.NotACurrentMember);
            """;
        var repeats = Repeats(ScanPairs([new Source("Groups/Sample.cs", text)])).ToList();
        repeats.ShouldBe(["Grp01 GroupErrors.TooManyMembers at Groups/Sample.cs:1, Groups/Sample.cs:2"]);
    }

    private sealed record Source(string Path, string Text);

    private sealed record Site(string Rule, string Code, string Where);

    /// <summary>Every C# source of <c>src/KubeCore</c> (build output left out), its path relative to that folder, in order.</summary>
    private static IEnumerable<Source> LibrarySources()
    {
        var library = Path.Combine(Root, "src", "KubeCore");
        return Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(library, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new Source(f, File.ReadAllText(Path.Combine(library, f))));
    }

    private static IEnumerable<Site> ScanPairs(IEnumerable<Source> sources) =>
        sources.SelectMany(source => Pair.Matches(source.Text)
            .Select(m => new Site(m.Groups["rule"].Value, m.Groups["code"].Value, $"{source.Path}:{LineOf(source.Text, m.Index)}")));

    private static IEnumerable<string> Repeats(IEnumerable<Site> sites) =>
        sites.GroupBy(s => (s.Rule, s.Code))
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key.Rule, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Rule} {g.Key.Code} at {string.Join(", ", g.Select(s => s.Where))}");

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
