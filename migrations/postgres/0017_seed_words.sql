-- The seed's words in the language of the pages: the first list of spaces (seed/spaces-2022.csv)
-- named its organisations with English words ("… with …", "… and …"), an address with an
-- English word ("Agraria campus"), gave its sources as
-- English sentences shown on Italian pages, and its staff notes in English. The seed now has
-- names, sources (sites and dates, the same in both languages) and Italian notes; this brings
-- installations seeded before in step, only where the old words are still there (a value
-- staff changed is left alone). A changed space's version rises, as for any other change.
UPDATE organisations SET name = 'Fondazione Carisbo e Techgarage' WHERE name = 'Fondazione Carisbo with Techgarage';
UPDATE organisations SET name = 'Università di Bologna e Confindustria Emilia' WHERE name = 'Università di Bologna and Confindustria Emilia';
UPDATE spaces SET source = 'cittametropolitana.bo.it (26/05/2022); startupitalia.eu; dire.it', version = version + 1 WHERE source = 'Città metropolitana di Bologna press release of 26 May 2022 (launch venue); startupitalia.eu; dire.it';
UPDATE spaces SET source = 'dumbospace.it; cittametropolitana.bo.it (28/09/2022)', version = version + 1 WHERE source = 'dumbospace.it; cittametropolitana.bo.it (second Forum meeting, 28 Sep 2022, Capannone Officina)';
UPDATE spaces SET source = 'millionaire.it (2018)', version = version + 1 WHERE source = 'millionaire.it (opening, 2018)';
UPDATE spaces SET source = 'renogalliera.it (2021)', version = version + 1 WHERE source = 'renogalliera.it (Unione Reno Galliera news on the 2021 map)';
UPDATE spaces SET note = '1.400 m², circa 110 postazioni; sede del lancio del Forum il 6 giugno 2022', version = version + 1 WHERE note = '1,400 m2, about 110 desks; venue of the Forum launch on 6 June 2022';
UPDATE spaces SET note = 'circa 80 postazioni; aperto il 31 maggio 2021; numero civico da confermare', version = version + 1 WHERE note = 'about 80 desks; opened 31 May 2021; house number not confirmed';
UPDATE spaces SET note = 'numero civico da confermare', version = version + 1 WHERE note = 'house number not confirmed';
UPDATE spaces SET note = 'indirizzo da confermare', version = version + 1 WHERE note = 'street address not confirmed';
UPDATE spaces SET note = 'attività attuale da confermare', version = version + 1 WHERE note = 'current status not confirmed';
UPDATE spaces SET note = 'tipologia non confermata dalla fonte', version = version + 1 WHERE note = 'kind not confirmed by the source';
UPDATE spaces SET note = 'descritto come spazio ibrido', version = version + 1 WHERE note = 'described as a hybrid space';
UPDATE spaces SET address = 'Viale Giuseppe Fanin (campus di Agraria)', version = version + 1 WHERE address = 'Viale Giuseppe Fanin (Agraria campus)';
-- The launch event's organiser, one field for both languages: names only, no Italian "con la".
UPDATE events SET organiser = 'Città metropolitana di Bologna – Progetti d''impresa · Fondazione per l''Innovazione Urbana', version = version + 1 WHERE organiser = 'Città metropolitana di Bologna – Progetti d''impresa, con la Fondazione per l''Innovazione Urbana';
