using Blog.Web.Domain;

namespace Blog.Web.Services.Demo;

/// <summary>The demo newsroom's case records and articles. Facts are from the public record; the prose is ours.</summary>
internal static class DemoCases
{
    public sealed record DemoCase(
        string Name, string Citations, string Court, string Jurisdiction, string FileNumber, string Judges,
        ProceedingsStatus Status, string Summary);

    public sealed record DemoArticle(
        string Title, string Standfirst, string Body, DemoCase Case, string[] Tags, int DaysAgo,
        string CorrectionsNote = "", bool SubscribersOnly = false);

    public static readonly DemoCase Voller = new(
        "Fairfax Media Publications Pty Ltd v Voller",
        "[2021] HCA 27\n(2021) 273 CLR 346",
        "High Court of Australia",
        "Australia",
        "",
        "Kiefel CJ, Gageler, Keane, Gordon, Edelman, Steward and Gleeson JJ",
        ProceedingsStatus.Concluded,
        """
        Dylan Voller sued three media companies in the Supreme Court of New South Wales over comments that
        strangers had posted beneath the companies' Facebook posts about him. Before any trial, the court was
        asked a separate question: were the companies *publishers* of those third-party comments?

        The trial judge said yes, the NSW Court of Appeal agreed, and on 8 September 2021 a majority of the
        High Court dismissed the companies' appeals. Edelman and Steward JJ dissented.
        """);

    public static readonly DemoCase Wishart = new(
        "Murray v Wishart",
        "[2014] NZCA 461\n[2014] 3 NZLR 722",
        "Court of Appeal of New Zealand",
        "New Zealand",
        "",
        "O'Regan P, Ellen France and French JJ",
        ProceedingsStatus.Concluded,
        """
        Author Ian Wishart sued Christopher Murray, who had set up a Facebook page calling for a boycott of a
        book Mr Wishart wrote with Macsyna King. Part of the claim was about comments other people left on the
        page. The Court of Appeal held that the host of such a page is liable for a third party's comment only
        if the host actually knows of it and fails to take it down within a reasonable time.
        """);

    public static readonly DemoCase Mega = new(
        "Republic of Kazakhstan v Mega Ltd",
        "[2016] NZHC 963",
        "High Court of New Zealand, Auckland",
        "New Zealand",
        "",
        "",
        ProceedingsStatus.Concluded,
        """
        The Republic of Kazakhstan was suing unknown hackers in the United States District Court for the
        Southern District of New York over government emails that had been stolen and put online. Some of the
        material had passed through accounts on Mega, the Auckland-based file storage service. On a letter of
        request from the New York court, the High Court at Auckland ordered Mega to produce what it held about
        the accounts concerned: IP addresses, email addresses, and contact, account and payment details.
        """);

    public static readonly DemoCase Donoghue = new(
        "Donoghue v Stevenson",
        "[1932] AC 562\n[1932] UKHL 100\n1932 SC (HL) 31",
        "House of Lords",
        "United Kingdom (Scotland)",
        "",
        "Lord Buckmaster, Lord Atkin, Lord Tomlin, Lord Thankerton and Lord Macmillan",
        ProceedingsStatus.Concluded,
        """
        May Donoghue said she fell ill after drinking ginger beer, bought for her by a friend at a café in
        Paisley, from an opaque bottle that turned out to hold the remains of a snail. She had no contract with
        the manufacturer, David Stevenson. By three votes to two, the House of Lords held that a manufacturer
        owes a duty of care to the ultimate consumer of its product.
        """);

    public static readonly DemoCase Carlill = new(
        "Carlill v Carbolic Smoke Ball Co",
        "[1893] 1 QB 256\n[1892] EWCA Civ 1",
        "Court of Appeal of England and Wales",
        "England and Wales",
        "",
        "Lindley, Bowen and A L Smith LJJ",
        ProceedingsStatus.Concluded,
        """
        The Carbolic Smoke Ball Company advertised a £100 reward for anyone who caught influenza after using
        its smoke ball as directed, and said it had deposited £1,000 with a bank to show it meant it. Louisa
        Carlill used the ball, caught influenza and claimed. The Court of Appeal held that the advertisement
        was an offer to the world, accepted by anyone who performed its conditions.
        """);

    public static readonly IReadOnlyList<DemoArticle> Articles =
    [
        new(
            "Newsrooms answer for readers' Facebook comments, High Court rules",
            "A majority of Australia's highest court has held that media companies which post stories to Facebook are publishers of the comments strangers leave beneath them.",
            """
            Three of Australia's largest media companies have lost their argument that they cannot be
            responsible for what members of the public write under their Facebook posts.

            In *Fairfax Media Publications Pty Ltd v Voller*, the High Court answered a narrow, preliminary
            question: for the purposes of defamation law, did the companies **publish** the third-party comments
            at all? Five of the seven justices said they did.

            ## What the majority decided

            Publication, the majority reasoned, is about taking part in communicating the words to a reader. By
            creating a public page, posting content and inviting engagement, the companies had facilitated and
            encouraged the comments. It did not matter that they had not seen a particular comment, or that
            they did not intend to spread it.

            > The decision says nothing about whether any comment was defamatory, or whether a defence applies.
            > Those questions go back to the trial court.

            ## How the bench divided

            | Justices | Result | Reasoning in brief |
            |---|---|---|
            | Kiefel CJ, Keane and Gleeson JJ | Dismiss the appeals | Facilitating and encouraging comments is participation in publishing them |
            | Gageler and Gordon JJ | Dismiss the appeals | The page owner's conduct in attracting comments makes it a publisher |
            | Edelman J | Allow the appeals (dissent) | Only comments with a real connection to the subject of the post could count |
            | Steward J | Allow the appeals (dissent) | Merely hosting a page that attracts comments is not enough |

            ## Why it matters to us

            Every site that invites comments, including this one, is in the position the companies were in. The
            practical answer most newsrooms reached was to moderate more, to close comments on sensitive stories,
            and to act quickly on complaints.[^1] Australian defamation law has since been reformed in several
            states to deal with digital intermediaries.[^2]

            [^1]: At least one international broadcaster switched off comments on its Australian Facebook pages altogether after the ruling.
            [^2]: The Stage 2 reforms to the model defamation provisions took effect in New South Wales and Victoria on 1 July 2024.
            """,
            Voller, ["Defamation", "Online comments", "Australia"], 2),
        new(
            "The 'actual knowledge' test: how Murray v Wishart limits a host's liability",
            "New Zealand's Court of Appeal chose a narrower rule than its Australian counterparts for people who run pages where others comment.",
            """
            When Christopher Murray started a Facebook page urging people to boycott a book by Ian Wishart, he
            could not have predicted that the case would set the rule for every New Zealand website with a
            comment box.

            Mr Wishart sued over Mr Murray's own statements and over comments by other users of the page. The
            High Court had been prepared to hold a host liable if it *ought to have known* of a defamatory
            comment. The Court of Appeal disagreed.

            ## The rule

            A host of a page is treated as the publisher of a third party's comment only if:

            1. the host actually knew of the comment, and
            2. failed to remove it within a reasonable time.

            Suspicion, or the thought that a host should have been watching more closely, is not enough. The
            court was concerned that an "ought to know" standard would be uncertain and would push hosts to
            police everything.

            ## What it means in practice

            For a newsroom the lesson is about records. The moment a moderator first sees a reported comment is
            the moment the clock may start, so a careful site keeps a log of when each report was opened and
            what was done. This site records exactly that.

            *Murray v Wishart* remains the leading New Zealand authority, and it sits uneasily beside the
            broader approach the High Court of Australia later took in *Voller*.
            """,
            Wishart, ["Defamation", "Online comments", "New Zealand"], 6, SubscribersOnly: true),
        new(
            "Auckland court orders Mega to hand over account details to Kazakhstan",
            "A letter of request from a New York court led the High Court to order a New Zealand file-storage company to disclose who was behind accounts linked to leaked government emails.",
            """
            The High Court at Auckland has ordered Mega Ltd to produce information identifying the holders of
            accounts connected with the publication of stolen emails belonging to the government of
            Kazakhstan.

            The order was made under the procedure by which a New Zealand court can help a foreign court gather
            evidence. Kazakhstan had sued unnamed defendants in the Southern District of New York, and that
            court sent a letter of request asking for the New Zealand court's help.

            ## What Mega must produce

            The categories of information in the order were, in substance:

            a. IP addresses used by the accounts;
            b. email addresses linked to them;
            c. contact, account and payment information held for them.

            ## Why platforms are watching

            Cases like this are why a careful platform keeps as little as it can about its users. What a
            service does not store, no court can order it to hand over. Raw IP addresses, for example, need not
            sit beside every comment for years.

            Readers who comment here can see what we keep, and for how long, on our privacy page.
            """,
            Mega, ["Privacy", "Disclosure orders", "New Zealand"], 10),
        new(
            "Ninety-odd years on, the snail in the bottle still sets the rules",
            "Donoghue v Stevenson turned a small claim about a café drink into the foundation of the modern law of negligence.",
            """
            Few cases are taught to more first-year law students than *Donoghue v Stevenson*, and fewer still
            began with a sum as small as a glass of ginger beer.

            ## The facts

            In August 1928 May Donoghue's friend bought her a ginger beer at a café in Paisley. The bottle was
            dark glass. After she had drunk some, the rest was poured out and, she said, the decomposed remains
            of a snail came with it. She claimed shock and illness.

            She could not sue the café owner in contract, because her friend had paid. So she sued the
            manufacturer, David Stevenson, in negligence.

            ## The decision

            The House of Lords, by a majority of three to two, held that she had a case to put to trial.
            Lord Atkin's speech set out the "neighbour principle": you must take reasonable care not to injure
            people so closely and directly affected by what you do that you ought to have them in mind.

            | Lord | Decision |
            |---|---|
            | Lord Atkin | For Mrs Donoghue |
            | Lord Thankerton | For Mrs Donoghue |
            | Lord Macmillan | For Mrs Donoghue |
            | Lord Buckmaster | Against |
            | Lord Tomlin | Against |

            The case never went to trial: Mr Stevenson died, and the claim was settled.[^settle] Nobody ever
            proved there was a snail.

            [^settle]: The settlement figure usually reported is £200.
            """,
            Donoghue, ["Negligence", "Legal history"], 14,
            "An earlier version of this article gave the year of the café visit as 1929. It was 1928."),
        new(
            "An advert, a smoke ball and a promise the courts held the company to",
            "Carlill v Carbolic Smoke Ball Co is still the case every contract student meets first, and the reason advertisers choose their words carefully.",
            """
            In 1892 the Carbolic Smoke Ball Company promised in newspaper advertisements that it would pay £100
            to anyone who caught influenza after using its smoke ball three times daily for two weeks.

            Louisa Carlill did exactly that, caught influenza anyway, and asked for her £100. The company said
            its advert was a puff, not a promise, and that she had never told it she accepted.

            ## Three arguments, three answers

            1. **It was only a puff.** No: the company had said it deposited £1,000 with its bank to show its
               sincerity.
            2. **An offer cannot be made to the whole world.** It can, if it is accepted by whoever performs the
               conditions.
            3. **Mrs Carlill never communicated acceptance.** The advert dispensed with that: using the ball as
               directed was acceptance.

            The Court of Appeal dismissed the company's appeal, and Mrs Carlill got her money.
            """,
            Carlill, ["Contract", "Legal history"], 21),
    ];
}
