# comments in many places
x = 1  # trailing comment
# full line comment
if x:  # comment after colon
    # comment inside block
    print("yes")  # comment
    # comment at end of block
# comment at dedent
lst = [1,  # in a list
       2,
       # alone
       3]
print(lst)
print("# not a comment")
