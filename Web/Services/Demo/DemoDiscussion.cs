using Blog.Web.Domain;

namespace Blog.Web.Services.Demo;

/// <summary>A threaded discussion under the Voller article, written for the demo.</summary>
internal static class DemoDiscussion
{
    public sealed record DemoComment(string Key, string? Parent, string Author, int MinutesAfter, string Body,
        CommentStatus Status = CommentStatus.Published);

    public static readonly IReadOnlyList<DemoComment> Comments =
    [
        new("c1", null, "sam", 35, "So if I run a community page for my street and someone posts something nasty about a neighbour, I'm the publisher now? That seems like a lot to put on volunteers."),
        new("c2", "c1", "priya", 52, "Only in Australia, and only for the *publication* element. You'd still have the innocent dissemination defence to argue, and the 2024 reforms added more protection for people in exactly your position."),
        new("c3", "c2", "sam", 70, "Fair, but \"you might have a defence\" is cold comfort when the letter from the lawyer arrives. Most people will just delete the page."),
        new("c4", "c3", "hemi", 88, "Which is arguably the point. If you invite people into your space you take some responsibility for what happens there. Same as a pub landlord."),
        new("c5", "c4", "daniel", 103, "The pub analogy breaks down fast. A landlord can see everyone in the room. A page with 50,000 followers gets comments at 3am."),
        new("c6", "c5", "hemi", 119, "Then switch comments off at 3am. Plenty of news pages now close comments on court stories entirely."),
        new("c7", "c6", "priya", 140, "Closing comments on court stories is often sensible anyway. Sub judice risk is bigger than defamation risk for a lot of those stories."),
        new("c8", null, "grace", 61, "Worth reading the dissents. Steward J's point is that almost everyone who runs any online page would become a publisher of everything posted there, which can't be right as a matter of principle."),
        new("c9", "c8", "tom", 95, "Edelman J's middle path is interesting too: liability only for comments that actually relate to what the page owner posted. A comment about something unrelated wouldn't count."),
        new("c10", "c9", "grace", 121, "I like that line in theory but it would be a nightmare to apply. Half the comments under any story drift off topic by the tenth reply."),
        new("c11", "c10", "rahul", 150, "Isn't that what courts do all the time though? Draw a line and then argue about which side a case falls on."),
        new("c12", "c11", "grace", 171, "Sure, but a moderation team can't run a mini-trial on every comment. A rule needs to be something a moderator can apply in ten seconds."),
        new("c13", "c12", "fiona", 190, "Ten seconds is generous. I moderated for a regional paper for two years and it was more like three."),
        new("c14", "c13", "sam", 204, "What did you actually look for in those three seconds?"),
        new("c15", "c14", "fiona", 220, "Names plus an allegation. \"X is a thief\", \"X did it\", anything that names a defendant in a live case. Those came down first, everything else could wait."),
        new("c16", "c15", "priya", 236, "That's essentially the right triage. Identifying someone and attributing wrongdoing is where nearly all the exposure is."),
        new("c17", null, "daniel", 80, "How does this compare with New Zealand? I thought Murray v Wishart went the other way."),
        new("c18", "c17", "tom", 99, "It did, more or less. In New Zealand a host is liable for a third party's comment only once it actually knows about it and doesn't take it down in a reasonable time. We have a piece on it: see our Murray v Wishart explainer."),
        new("c19", "c18", "daniel", 117, "So a New Zealand site and an Australian one could be in completely different positions over the same comment?"),
        new("c20", "c19", "lucy", 133, "Yes, and a site read in both countries has to plan for the stricter one. That's why trans-Tasman outlets tend to follow the Australian approach."),
        new("c21", "c20", "rahul", 158, "Choice of law in online defamation is its own rabbit hole. Where is a comment published: where it's written, where the server is, or where it's read?"),
        new("c22", "c21", "priya", 176, "Where it's read and understood, generally. *Dow Jones v Gutnick* settled that for Australia back in 2002."),
        new("c23", "c22", "rahul", 195, "Right, Gutnick. The Barron's article downloaded in Victoria. I'd forgotten that one."),
        new("c24", null, "lucy", 130, "The practical lesson for any site: keep a record of when you learned about a complaint and what you did. That record is your defence."),
        new("c25", "c24", "hemi", 160, "And respond fast. \"We took it down within an hour of being told\" is a very different conversation from \"we got to it the following week\"."),
        new("c26", "c25", "sam", 180, "Does this site do that? Log when a moderator first looks at a report?"),
        new("c27", "c26", "tom", 198, "It does. Every report and every decision is recorded with a time, and that record can't be edited after the fact."),
        new("c28", null, "rahul", 210, "Unpopular opinion: this is good for comment sections. The worst of them were never worth the legal risk, and the well-moderated ones are the only ones readers actually enjoy."),
        new("c29", "c28", "daniel", 226, "I don't think that's unpopular at all here. People pay to be in a comment section precisely because it's moderated."),
        new("c30", "c28", "grace", 241, "It cuts both ways though. Small community pages run by volunteers don't have moderators, and they're the ones that will simply disappear."),
        new("c31", "c30", "rahul", 260, "Maybe. Or maybe they'll learn to switch on \"approve comments before they appear\". Facebook added that control partly because of this case."),
        new("c32", "c31", "fiona", 275, "Facebook let page owners turn comments off on individual posts in 2021, yes. Before that you could only filter by keywords."),
        new("c33", null, "lucy", 290, "Does any of this apply to private messages sent to a page?", CommentStatus.Withdrawn),
        new("c34", "c33", "priya", 300, "For anyone wondering: the question above was about whether the ruling applies to private messages. It doesn't; it's about publicly visible comments."),
        new("c35", "c7", "sam", 310, "Good point about sub judice. Is there a list anywhere of which stories have comments closed for that reason?"),
        new("c36", "c35", "tom", 325, "Each article shows its comment status above the comment box, and case pages show the state of the proceedings. We'll say why whenever we close a thread."),
    ];
}
